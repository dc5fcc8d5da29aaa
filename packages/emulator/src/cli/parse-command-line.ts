import { parseArgs } from "node:util";
import { CliError } from "./cli-error.js";
import { GLOBAL_OPTIONS } from "./global-options.js";
import type { CliCommand, CliValues } from "./types.js";

/** What the command line asks for. */
export type ParsedCommandLine =
  | { kind: "help"; command?: CliCommand }
  | { kind: "version" }
  | { kind: "run"; command: CliCommand; values: CliValues; positionals: string[] };

/**
 * Finds the command (one or two words, e.g. `config set`) and parses its options with node:util parseArgs.
 * Unknown commands, unknown options, missing values and wrong positional counts throw a usage CliError (exit 2).
 *
 * @example
 * parseCommandLine(["install", "--org", "12345"], COMMANDS); // { kind: "run", command: install, values: { org: "12345" }, positionals: [] }
 */
export function parseCommandLine(
  argv: readonly string[],
  commands: readonly CliCommand[],
): ParsedCommandLine {
  const [first, second] = argv;
  if (first === undefined) throw usage("missing command");
  if (first === "--help" || first === "-h") return { kind: "help" };
  if (first === "--version" || first === "-v") return { kind: "version" };
  if (first === "help") {
    const topic = argv.slice(1).join(" ");
    if (topic === "") return { kind: "help" };
    return { kind: "help", command: findCommand(topic, commands) };
  }

  const groups = new Set(commands.filter((c) => c.name.includes(" ")).map((c) => c.name.split(" ")[0]));
  const twoWords = groups.has(first);
  if (twoWords && (second === undefined || second.startsWith("-"))) {
    const choices = commands.filter((c) => c.name.startsWith(`${first} `)).map((c) => c.name);
    throw usage(`"${first}" needs a subcommand: ${choices.join(", ")}`);
  }
  const command = findCommand(twoWords ? `${first} ${second}` : first, commands);
  const args = argv.slice(twoWords ? 2 : 1);

  let parsed: { values: CliValues; positionals: string[] };
  try {
    parsed = parseArgs({
      args: [...args],
      options: { ...GLOBAL_OPTIONS, ...command.options },
      allowPositionals: true,
      strict: true,
    }) as { values: CliValues; positionals: string[] };
  } catch (error) {
    // parseArgs' own messages are precise ("Unknown option '--prot'"); keep them, drop its hints about "--".
    const message = error instanceof Error ? error.message.split(". To specify")[0] : String(error);
    throw usage(message ?? "invalid arguments", command.name, error);
  }
  if (parsed.values["help"] === true) return { kind: "help", command };

  const { min, max } = command.positionals;
  const count = parsed.positionals.length;
  if (count < min) {
    throw usage(`missing argument: desk-emulator ${command.name} ${command.usage}`, command.name);
  }
  if (count > max) {
    throw usage(`unexpected argument "${parsed.positionals[max]}"`, command.name);
  }
  return { kind: "run", command, values: parsed.values, positionals: parsed.positionals };
}

function findCommand(name: string, commands: readonly CliCommand[]): CliCommand {
  const command = commands.find((c) => c.name === name);
  if (command === undefined) {
    throw usage(`unknown command "${name}". Commands: ${commands.map((c) => c.name).join(", ")}`);
  }
  return command;
}

function usage(message: string, command?: string, cause?: unknown): CliError {
  return new CliError({ message: message, exitCode: 2, errorCode: "USAGE", command, cause });
}
