import { brand } from "./brand.js";
import { DeskHashError } from "./desk-hash-error.js";
import type { VerifyFailureReason } from "./types.js";

/**
 * Thrown by `assertInvokeHash` / `assertCallbackHash` when a HASH is refused; `reason` says why.
 *
 * @example
 * try {
 *   await assertInvokeHash(secret, fields, hash);
 * } catch (error) {
 *   if (HashVerificationError.isInstance(error)) console.warn(error.reason); // "missing" | "malformed" | "mismatch"
 * }
 */
export class HashVerificationError extends DeskHashError {
  /** Why the HASH was refused. */
  declare readonly reason: VerifyFailureReason;

  constructor(reason: VerifyFailureReason) {
    // "malformed" is the one reason whose rule needs saying; the HASH itself is never quoted.
    super(`@desk/hash: HASH ${reason}${reason === "malformed" ? " (must be 64 hex digits)" : ""}`);
    this.reason = reason;
  }
}

brand(HashVerificationError, "HashVerificationError");
