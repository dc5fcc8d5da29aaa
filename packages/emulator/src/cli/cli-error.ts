import { brandError } from "@desk/errors";
import { EmulatorError } from "../errors/emulator-error.js";

/** Exit codes of `desk-emulator`: 1 the operation failed, 2 usage error, 3 no emulator reachable. */
export type CliExitCode = 1 | 2 | 3;

/**
 * A failure the CLI reports on stderr and turns into an exit code. Messages never carry a secret,
 * a HASH or a securityContext.
 *
 * @example
 * throw new CliError({ message: "--port must be an integer from 0 to 65535", exitCode: 2, errorCode: "USAGE", command: "start" });
 */
export class CliError extends EmulatorError {
  static override readonly brand: symbol = brandError(this, "@desk/emulator/CliError");

  /** The process exit code this failure maps to. */
  readonly exitCode: CliExitCode;
  /** A stable code for scripts, e.g. `USAGE`, `EMULATOR_UNREACHABLE`, or the emulator's `errorCode`. */
  readonly errorCode: string;
  /** The command whose help a usage error points at. */
  readonly command: string | undefined;

  constructor(options: {
    message: string;
    exitCode: CliExitCode;
    errorCode: string;
    command?: string | undefined;
    cause?: unknown;
  }) {
    super({ message: options.message, cause: options.cause });
    this.exitCode = options.exitCode;
    this.errorCode = options.errorCode;
    this.command = options.command;
  }
}
