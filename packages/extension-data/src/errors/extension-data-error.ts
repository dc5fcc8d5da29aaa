import { brandError } from "./brand-error.js";

/**
 * Base class of every error this package throws. It carries the `Symbol.for("@desk/error")` brand shared by every
 * @desk package, so `DeskError.isInstance` of @desk/invoke-core covers it too. Check with `isInstance` rather than
 * `instanceof`: it reads a `Symbol.for` brand, so it also works when two copies of the package are installed.
 *
 * @example
 * try {
 *   await data.storage.set("ticket:42", { state: "open" });
 * } catch (error) {
 *   if (ExtensionDataError.isInstance(error)) console.error(error.message);
 * }
 */
export class ExtensionDataError extends Error {
  /** The brand `isInstance` looks for; each subclass has its own. */
  static readonly brand: symbol = brandError(this, "ExtensionDataError");

  /**
   * True when `value` carries this class's brand: an instance of it or of a subclass, from any installed copy.
   *
   * @example
   * if (ExtensionDataRateLimitError.isInstance(error)) await wait(error.retryAfter ?? 60);
   */
  static isInstance<C extends abstract new (...args: never[]) => ExtensionDataError>(
    this: C,
    value: unknown,
  ): value is InstanceType<C> {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass called on, so each checks its own brand.
    const mark = (this as unknown as { brand: symbol }).brand;
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[mark] === true;
  }

  constructor(message: string, options?: { cause?: unknown }) {
    super(`@desk/extension-data: ${message}`, options);
  }
}

// The brand every @desk package's errors share (see @desk/invoke-core's DeskError).
Object.defineProperty(ExtensionDataError.prototype, Symbol.for("@desk/error"), { value: true });
