import { brandError } from "@desk/errors";
import { DeskApiError } from "./desk-api-error.js";

/**
 * The target did not answer Desk in time (`TARGET_TIMEOUT`, 504). Retried for idempotent methods.
 *
 * @example
 * if (TargetTimeoutError.isInstance(error)) console.error("the target is slow");
 */
export class TargetTimeoutError extends DeskApiError {
  static override readonly brand: symbol = brandError(this, "@desk/invoke-core/TargetTimeoutError");
}
