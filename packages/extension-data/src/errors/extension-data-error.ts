import { DeskError } from "@desk/invoke-core";
import { brandError } from "./brand-error.js";

/**
 * Base class of every error this package throws; a `DeskError` of @desk/invoke-core, so `DeskError.isInstance`
 * covers it too. Check with `isInstance` rather than `instanceof`: it reads a `Symbol.for` brand, so it also works
 * when two copies of the package are installed.
 *
 * @example
 * try {
 *   await data.storage.set("ticket:42", { state: "open" });
 * } catch (error) {
 *   if (ExtensionDataError.isInstance(error)) console.error(error.message);
 * }
 */
export class ExtensionDataError extends DeskError {
  static override readonly brand: symbol = brandError(this, "ExtensionDataError");

  constructor(message: string, options?: { cause?: unknown }) {
    super(`@desk/extension-data: ${message}`, options);
  }
}
