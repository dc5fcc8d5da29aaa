import { brandError } from "@desk/errors";
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
  static override readonly brand: symbol = brandError(this, "@desk/hash/HashVerificationError");
  /** Why the HASH was refused. */
  readonly reason: VerifyFailureReason;

  constructor({ reason, cause }: { reason: VerifyFailureReason; cause?: unknown }) {
    // "malformed" is the one reason whose rule needs saying; the HASH itself is never quoted.
    super({
      message: `@desk/hash: HASH ${reason}${reason === "malformed" ? " (must be 64 hex digits)" : ""}`,
      cause,
    });
    this.reason = reason;
  }
}
