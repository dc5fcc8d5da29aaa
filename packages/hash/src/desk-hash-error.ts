import { brand, hasBrand } from "./brand.js";

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
  /** True for a `DeskHashError` from any installed copy of `@desk/hash`. */
  static isInstance(value: unknown): value is DeskHashError {
    return hasBrand(value, "DeskHashError");
  }
}

brand(DeskHashError, "DeskHashError", "@desk/error");
