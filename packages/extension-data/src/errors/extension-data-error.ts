import { brandError, DeskError } from "@desk/errors";

/**
 * Base class of every error this package throws, built on `DeskError` of `@desk/errors` (so
 * `DeskError.isInstance` covers it too). Check with `isInstance` rather than `instanceof`: it reads a
 * `Symbol.for` brand, so it also works when two copies of the package are installed.
 *
 * @example
 * try {
 *   await data.storage.set("ticket:42", { state: "open" });
 * } catch (error) {
 *   if (ExtensionDataError.isInstance(error)) console.error(error.message);
 * }
 */
export class ExtensionDataError extends DeskError {
  static override readonly brand: symbol = brandError(this, "@desk/extension-data/ExtensionDataError");

  /** `message` without the package prefix, which is added. */
  constructor({ message, cause }: { message: string; cause?: unknown }) {
    super({ message: `@desk/extension-data: ${message}`, cause });
  }
}
