import { brandError } from "@desk/errors";
import { DeskApiError } from "./desk-api-error.js";

/**
 * The invoke form is over Desk's size limit (`PAYLOAD_TOO_LARGE`, 413). Never retried.
 *
 * @example
 * if (PayloadTooLargeError.isInstance(error)) await sendInChunks();
 */
export class PayloadTooLargeError extends DeskApiError {
  static override readonly brand: symbol = brandError(this, "@desk/invoke-core/PayloadTooLargeError");
}
