import { EmulatorError } from "../errors/emulator-error.js";

const BRAND = Symbol.for("@desk/emulator/CliError");

/** Exit codes of `desk-emulator`: 1 the operation failed, 2 usage error, 3 no emulator reachable. */
export type CliExitCode = 1 | 2 | 3;

/**
 * A failure the CLI reports on stderr and turns into an exit code. Messages never carry a secret,
 * a HASH or a securityContext.
 *
 * @example
 * throw new CliError("--port must be an integer from 0 to 65535", { exitCode: 2, code: "USAGE", command: "start" });
 */
export class CliError extends EmulatorError {
  static override isInstance(value: unknown): value is CliError {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }

  /** The process exit code this failure maps to. */
  readonly exitCode: CliExitCode;
  /** A stable code for scripts, e.g. `USAGE`, `EMULATOR_UNREACHABLE`, or the emulator's `errorCode`. */
  readonly code: string;
  /** The command whose help a usage error points at. */
  readonly command: string | undefined;

  constructor(
    message: string,
    options: { exitCode: CliExitCode; code: string; command?: string | undefined; cause?: unknown },
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "CliError";
    this.exitCode = options.exitCode;
    this.code = options.code;
    this.command = options.command;
  }
}

// The brand lives on the prototype so `isInstance` survives two installed copies of the package.
Object.defineProperty(CliError.prototype, BRAND, { value: true });
