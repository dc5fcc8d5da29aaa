import { brandError } from "@desk/errors";
import { DeskApiError } from "./desk-api-error.js";

/**
 * The `connection` (connectionLinkName) is not declared in the manifest (`INVALID_CONNECTION`, 422).
 *
 * @example
 * if (InvalidConnectionError.isInstance(error)) console.error("declare the connection in plugin-manifest.json");
 */
export class InvalidConnectionError extends DeskApiError {
  static override readonly brand: symbol = brandError(this, "@desk/invoke-core/InvalidConnectionError");
}
