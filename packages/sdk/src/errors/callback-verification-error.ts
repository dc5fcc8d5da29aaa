import { brandError } from "@desk/errors";
import type { VerifyFailureReason } from "@desk/hash";
import { DeskSdkError } from "./desk-sdk-error.js";

/**
 * A platform event callback whose `HASH` header does not sign its body with any of the secrets: answer 401.
 * `reason` is `"missing"`, `"malformed"` (not 64 hex digits) or `"mismatch"`; the HASH itself is never kept.
 *
 * @example
 * try {
 *   await desk.callbacks.verify(request);
 * } catch (error) {
 *   if (CallbackVerificationError.isInstance(error)) return new Response(null, { status: 401 });
 *   throw error;
 * }
 */
export class CallbackVerificationError extends DeskSdkError {
  static override readonly brand: symbol = brandError(this, "@desk/sdk/CallbackVerificationError");

  /** Why the HASH was refused. */
  readonly reason: VerifyFailureReason;
  /** The HTTP status to answer: always 401. */
  readonly status = 401;

  constructor({ reason, cause }: { reason: VerifyFailureReason; cause?: unknown }) {
    super({
      message: `callback HASH header ${reason}${reason === "malformed" ? " (must be 64 hex digits)" : ""}`,
      cause,
    });
    this.reason = reason;
  }
}
