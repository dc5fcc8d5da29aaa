import { brandError } from "@desk/errors";
import { DeskApiError } from "./desk-api-error.js";

/**
 * Desk rejected the securityContext (`INVALID_SECURITY_CONTEXT`, 401): missing, tampered, expired, or for another org than `orgId`.
 *
 * @example
 * if (InvalidSecurityContextError.isInstance(error)) await installations.forget(orgId);
 */
export class InvalidSecurityContextError extends DeskApiError {
  static override readonly brand: symbol = brandError(this, "@desk/invoke-core/InvalidSecurityContextError");
}
