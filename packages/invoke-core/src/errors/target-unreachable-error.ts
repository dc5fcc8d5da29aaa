import { brandError } from "@desk/errors";
import { DeskApiError } from "./desk-api-error.js";

/**
 * Desk could not reach the target (`TARGET_UNREACHABLE`, 502). Retried for idempotent methods.
 *
 * @example
 * if (TargetUnreachableError.isInstance(error)) console.error("is the target up?");
 */
export class TargetUnreachableError extends DeskApiError {
  static override readonly brand: symbol = brandError(this, "@desk/invoke-core/TargetUnreachableError");
}
