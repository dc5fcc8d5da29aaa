import { brand } from "./brand.js";

/**
 * Base class of every error that `@desk/hash` throws on purpose (bad arguments are plain `TypeError`s).
 * Never carries a secret or a HASH value.
 *
 * @example
 * try {
 *   await assertCallbackHash(secret, rawBody, request.headers.get("HASH"));
 * } catch (error) {
 *   if (DeskHashError.isInstance(error)) return new Response(null, { status: 401 });
 *   throw error;
 * }
 */
export class DeskHashError extends Error {
  /**
   * True for an instance of this class (or a subclass) from any installed copy of `@desk/hash`: checks the
   * `Symbol.for("@desk/hash/<name>")` brand of the class it is called on, so subclasses inherit it as is.
   */
  static isInstance<T>(this: { prototype: T }, value: unknown): value is T {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class it is called on, a subclass included.
    const name = (this.prototype as Error).name;
    // Optional chaining also answers false for null and undefined; primitives have no such symbol.
    return (value as Record<symbol, unknown> | undefined)?.[Symbol.for(`@desk/hash/${name}`)] === true;
  }
}

brand(DeskHashError, "DeskHashError");
// The brand every @desk/* package's errors share.
(DeskHashError.prototype as unknown as Record<symbol, boolean>)[Symbol.for("@desk/error")] = true;
