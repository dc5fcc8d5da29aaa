import { brandError } from "@desk/errors";
import { DeskApiError } from "./desk-api-error.js";

/**
 * Desk rejected the HASH (`INVALID_HASH`, 401): the secret does not match the manifest's, or the form was changed after signing.
 *
 * @example
 * if (InvalidHashError.isInstance(error)) console.error("check DESK_SECRET");
 */
export class InvalidHashError extends DeskApiError {
  static override readonly brand: symbol = brandError(this, "@desk/invoke-core/InvalidHashError");
}
