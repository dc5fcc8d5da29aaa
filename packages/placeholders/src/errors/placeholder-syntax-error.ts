import { brandError } from "@desk/errors";
import { PlaceholderError } from "./placeholder-error.js";

/**
 * A builder got a name Desk would reject (rule "name" or "reserved").
 * @example
 * placeholder.config("jira key"); // throws PlaceholderSyntaxError
 */
export class PlaceholderSyntaxError extends PlaceholderError {
  static override readonly brand: symbol = brandError(this, "@desk/placeholders/PlaceholderSyntaxError");
}
