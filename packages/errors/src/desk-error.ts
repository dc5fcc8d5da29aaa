/** The brand every error of every `@desk/*` package carries. */
const ANY_DESK_ERROR = Symbol.for("@desk/error");

/**
 * What every `@desk/*` error constructor takes besides its own fields: the message (with its package prefix
 * already on it) and, when one error led to another, the `cause`.
 *
 * @example
 * const options: DeskErrorOptions = { message: "@desk/sdk: secret is required", cause: undefined };
 */
export interface DeskErrorOptions {
  readonly message: string;
  readonly cause?: unknown;
}

/**
 * The one base of every error the `@desk/*` packages throw. `DeskError.isInstance(value)` is true for an error
 * of any of them; `SomeError.isInstance(value)` is true for that class and its subclasses. Checks read a
 * `Symbol.for` brand instead of `instanceof`, so they hold across two installed copies of a package and across
 * realms. `name` sits on the prototype (non-enumerable, survives minifiers), so `JSON.stringify(error)` holds
 * only the error's own fields.
 *
 * @example
 * try {
 *   await inst.storage.set("ticket:42", { state: "open" });
 * } catch (error) {
 *   if (DeskError.isInstance(error)) console.error(error.name, error.message);
 *   else throw error;
 * }
 */
export class DeskError extends Error {
  /** The brand `isInstance` looks for; every subclass sets its own with `brandError()`. */
  static readonly brand: symbol = ANY_DESK_ERROR;

  constructor({ message, cause }: DeskErrorOptions) {
    super(message, cause === undefined ? undefined : { cause });
  }

  /**
   * True when `value` carries the brand of the class this is called on: an instance of it or of a subclass,
   * from any installed copy. Never throws; false for `null`, primitives and foreign errors.
   *
   * @example
   * if (RateLimitError.isInstance(error)) await wait(error.retryAfterMs ?? 60_000);
   */
  static isInstance<C extends abstract new (...args: never[]) => DeskError>(
    this: C,
    value: unknown,
  ): value is InstanceType<C> {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass called on, so each checks its own brand.
    const mark = (this as unknown as { brand: symbol }).brand;
    // Optional chaining answers false for null and undefined; primitives are boxed and carry no brand.
    return (value as Record<symbol, unknown> | null | undefined)?.[mark] === true;
  }
}

Object.defineProperties(DeskError.prototype, {
  name: { value: "DeskError", writable: true, configurable: true },
  [ANY_DESK_ERROR]: { value: true },
});
