import { brandError } from "./brand-error.js";

const ANY_DESK_ERROR = Symbol.for("@desk/error");

/**
 * Base of every error this package throws. `DeskError.isInstance(value)` is true for any error of any `@desk/*`
 * package (they share the `Symbol.for("@desk/error")` brand); each subclass's `isInstance` checks its own brand.
 * Brands instead of `instanceof` so checks survive two installed copies of the package.
 *
 * @example
 * try {
 *   await client.invoke({ url, method: "GET" });
 * } catch (error) {
 *   if (DeskError.isInstance(error)) console.error(error.message);
 * }
 */
export class DeskError extends Error {
  /** The brand that `isInstance` looks for on a value (set on the prototype by `brandError()`). */
  static readonly brand: symbol = ANY_DESK_ERROR;

  /** `message` gets the package prefix; `fields` become the subclass's typed readonly fields. */
  constructor(message: string, fields?: object, cause?: unknown) {
    super(`@desk/invoke-core: ${message}`, cause ? { cause } : undefined);
    Object.assign(this, fields);
  }

  /**
   * True when `value` carries this class's brand (works across copies of the package and realms).
   *
   * @example
   * if (RateLimitError.isInstance(error)) await wait(error.retryAfter ?? 1);
   */
  static isInstance<C extends abstract new (...args: never[]) => DeskError>(
    this: C,
    value: unknown,
  ): value is InstanceType<C> {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass isInstance is called on.
    const mark = (this as unknown as { brand: symbol }).brand;
    // Primitives are boxed for the lookup and never carry the brand.
    return (value as Record<symbol, unknown> | null | undefined)?.[mark] === true;
  }
}

brandError(DeskError, "DeskError", ANY_DESK_ERROR);
