import { brandError } from "@desk/errors";
import { DeskApiError } from "./desk-api-error.js";

/**
 * The target origin is not in the manifest's `whiteListedDomains` (`DOMAIN_NOT_WHITELISTED`, 403).
 *
 * @example
 * if (DomainNotWhitelistedError.isInstance(error)) console.error(error.message); // names the line to add
 */
export class DomainNotWhitelistedError extends DeskApiError {
  static override readonly brand: symbol = brandError(this, "@desk/invoke-core/DomainNotWhitelistedError");
}
