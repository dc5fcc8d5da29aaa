import { brandError, DeskError } from "@desk/errors";

const PREFIX = "@desk/emulator: ";

/**
 * Base class of every error the emulator throws, on the one base of the `@desk/*` packages (`DeskError` of
 * `@desk/errors`): `EmulatorError.isInstance` and `DeskError.isInstance` both survive two installed copies.
 * Messages start with `@desk/emulator:` and never carry a secret, a HASH or a securityContext.
 *
 * @example
 * try { await startEmulator({ manifest: "nope.json" }); }
 * catch (error) { if (EmulatorError.isInstance(error)) console.error(error.message); }
 */
export class EmulatorError extends DeskError {
  static override readonly brand: symbol = brandError(this, "@desk/emulator/EmulatorError");

  /** `message` gets the package prefix unless it has it already. */
  constructor({ message, cause }: { message: string; cause?: unknown }) {
    super({ message: message.startsWith(PREFIX) ? message : `${PREFIX}${message}`, cause });
  }
}
