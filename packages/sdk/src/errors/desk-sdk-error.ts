import { brandError, DeskError } from "@desk/errors";

/**
 * Base class of every error `@desk/sdk` throws, built on `DeskError` of `@desk/errors` (so `DeskError.isInstance`
 * covers it too). Check with `isInstance` rather than `instanceof`: it reads a `Symbol.for` brand, so it also
 * works with two installed copies.
 *
 * @example
 * try {
 *   await desk.callbacks.verify(request);
 * } catch (error) {
 *   if (DeskSdkError.isInstance(error)) console.warn(error.message);
 * }
 */
export class DeskSdkError extends DeskError {
  static override readonly brand: symbol = brandError(this, "@desk/sdk/DeskSdkError");

  /** `message` without the package prefix, which is added. */
  constructor({ message, cause }: { message: string; cause?: unknown }) {
    super({ message: `@desk/sdk: ${message}`, cause });
  }
}
