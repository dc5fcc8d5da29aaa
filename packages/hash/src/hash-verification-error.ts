import { brand, hasBrand } from "./brand.js";
import { DeskHashError } from "./desk-hash-error.js";
import type { VerifyFailureReason } from "./types.js";

// The rule each reason broke; the message never quotes the HASH itself.
const RULES: Record<VerifyFailureReason, string> = {
  missing: "none sent",
  malformed: "not 64 hex digits",
  mismatch: "fits no secret",
};

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
  /** True for a `HashVerificationError` from any installed copy of `@desk/hash`. */
  static override isInstance(value: unknown): value is HashVerificationError {
    return hasBrand(value, "HashVerificationError");
  }

  /** Why the HASH was refused. */
  readonly reason: VerifyFailureReason;

  constructor(reason: VerifyFailureReason) {
    super(`@desk/hash: HASH ${reason}: ${RULES[reason]}`);
    this.reason = reason;
  }
}

brand(HashVerificationError, "HashVerificationError");
