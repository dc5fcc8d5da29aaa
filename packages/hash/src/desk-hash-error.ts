import { brandError, DeskError } from "@desk/errors";

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
export class DeskHashError extends DeskError {
  static override readonly brand: symbol = brandError(this, "@desk/hash/DeskHashError");
}
