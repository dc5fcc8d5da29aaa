import { brandError, DeskError } from "@desk/errors";

/**
 * Base of every error `@desk/invoke-core` throws, built on `DeskError` of `@desk/errors`: `InvokeError.isInstance`
 * is true for any of them, `DeskError.isInstance` for an error of any `@desk/*` package. The message gets the
 * package prefix.
 *
 * @example
 * try {
 *   await client.invoke({ url, method: "GET" });
 * } catch (error) {
 *   if (InvokeError.isInstance(error)) console.error(error.message); // "@desk/invoke-core: ..."
 * }
 */
export class InvokeError extends DeskError {
  static override readonly brand: symbol = brandError(this, "@desk/invoke-core/InvokeError");

  /** `message` without the package prefix, which is added. */
  constructor({ message, cause }: { message: string; cause?: unknown }) {
    super({ message: `@desk/invoke-core: ${message}`, cause });
  }
}
