/** Where the CLI reads and writes; the bin passes the real process, tests pass buffers. */
export interface CliIo {
  readonly stdout: CliStream;
  readonly stderr: CliStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Relative paths (manifest, payload files, config) resolve against this folder. */
  readonly cwd: string;
  /** Resolves with the signal name when the process is asked to stop; `start` runs until then. */
  waitForStop(): Promise<string>;
}

/** The part of a writable stream the CLI uses. */
export interface CliStream {
  write(text: string): unknown;
  readonly isTTY?: boolean | undefined;
}

/** One option of a command, as node:util parseArgs takes it, plus what help prints. */
export interface CliOption {
  readonly type: "string" | "boolean";
  readonly short?: string;
  readonly multiple?: boolean;
  readonly description: string;
  /** Placeholder shown in help, e.g. `<port>`. */
  readonly valueName?: string;
}

/** Parsed option values: strings, booleans or (for `multiple`) arrays of strings. */
export type CliValues = Readonly<Record<string, string | boolean | readonly string[] | undefined>>;

/** A command of `desk-emulator`. */
export interface CliCommand {
  /** As typed, e.g. `install` or `config set`. */
  readonly name: string;
  readonly summary: string;
  /** The arguments after the name, e.g. `<installationId> name=value ...`. */
  readonly usage: string;
  readonly options: Readonly<Record<string, CliOption>>;
  /** How many positionals it takes (after the command name). */
  readonly positionals: { readonly min: number; readonly max: number };
  /** Longer text printed by `--help` under the usage line. */
  readonly details?: string;
  readonly examples: readonly string[];
  /** Whether the command talks to a running emulator (so `--url` applies). */
  readonly remote: boolean;
  run(input: CommandInput, context: CommandContext): Promise<number>;
}

/** What a command receives from the parser. */
export interface CommandInput {
  readonly values: CliValues;
  readonly positionals: readonly string[];
}

/** What every command may use. */
export interface CommandContext {
  readonly io: CliIo;
  readonly json: boolean;
  /** The emulator's base URL (from `--url`, DESK_EMULATOR_URL or the default). */
  readonly url: string;
  /** The admin token (DESK_EMULATOR_ADMIN_TOKEN), sent by the admin commands and required by `start` when set. */
  readonly adminToken: string | undefined;
  readonly style: Style;
  /** Writes one line (or several) to stdout. */
  print(text?: string): void;
  /** Writes a warning line to stderr. */
  warn(text: string): void;
  /** Writes `value` as pretty JSON to stdout. */
  printJson(value: unknown): void;
}

/** Colour helpers; identity functions when colour is off. */
export interface Style {
  readonly enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}
