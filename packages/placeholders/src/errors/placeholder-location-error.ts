import { hasBrand, PlaceholderError } from "./placeholder-error.js";

/**
 * A placeholder is used where Desk does not allow it (rule "location", spec 3 table).
 * @example
 * resolvePlaceholders('{"k":"{{jiraAuthKey}}"}', "postBody", context); // throws PlaceholderLocationError
 */
export class PlaceholderLocationError extends PlaceholderError {
  protected override brand(): string {
    return "PlaceholderLocationError";
  }

  /** True for a `PlaceholderLocationError`, also one thrown by another installed copy of this package. */
  static override isInstance(value: unknown): value is PlaceholderLocationError {
    return hasBrand(value, "PlaceholderLocationError");
  }
}
