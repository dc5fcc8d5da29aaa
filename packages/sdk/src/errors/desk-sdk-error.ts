import { brandError } from "./brand-error.js";

/**
 * Base class of every error `@desk/sdk` throws. It carries the `Symbol.for("@desk/error")` brand shared by every
 * `@desk/*` package, so `DeskError.isInstance` of `@desk/invoke-core` covers it too. Check with `isInstance`
 * rather than `instanceof`: it reads a `Symbol.for` brand, so it also works with two installed copies.
 *
 * @example
 * try {
 *   await desk.callbacks.verify(request);
 * } catch (error) {
 *   if (DeskSdkError.isInstance(error)) console.warn(error.message);
 * }
 */
export class DeskSdkError extends Error {
  /** The brand `isInstance` looks for; each subclass has its own. */
  static readonly brand: symbol = brandError(this, "DeskSdkError");

  /**
   * True when `value` carries this class's brand: an instance of it or of a subclass, from any installed copy.
   *
   * @example
   * if (CallbackVerificationError.isInstance(error)) return new Response(null, { status: 401 });
   */
  static isInstance<C extends abstract new (...args: never[]) => DeskSdkError>(
    this: C,
    value: unknown,
  ): value is InstanceType<C> {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass called on, so each checks its own brand.
    const mark = (this as unknown as { brand: symbol }).brand;
    return (value as Record<symbol, unknown> | null | undefined)?.[mark] === true;
  }

  constructor(message: string, options?: { cause?: unknown }) {
    super(`@desk/sdk: ${message}`, options);
  }
}

// The brand every @desk package's errors share (see @desk/invoke-core's DeskError).
Object.defineProperty(DeskSdkError.prototype, Symbol.for("@desk/error"), { value: true });
