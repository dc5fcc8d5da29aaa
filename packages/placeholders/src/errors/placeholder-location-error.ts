import { brandError } from "@desk/errors";
import { PlaceholderError } from "./placeholder-error.js";

/**
 * A placeholder is used where Desk does not allow it (rule "location", spec 3 table).
 * @example
 * resolvePlaceholders('{"k":"{{jiraAuthKey}}"}', "postBody", context); // throws PlaceholderLocationError
 */
export class PlaceholderLocationError extends PlaceholderError {
  static override readonly brand: symbol = brandError(this, "@desk/placeholders/PlaceholderLocationError");
}
