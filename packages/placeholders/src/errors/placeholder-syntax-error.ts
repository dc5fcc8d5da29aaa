import { hasBrand, PlaceholderError } from "./placeholder-error.js";

/**
 * A builder got a name Desk would reject (rule "name" or "reserved").
 * @example
 * placeholder.config("jira key"); // throws PlaceholderSyntaxError
 */
export class PlaceholderSyntaxError extends PlaceholderError {
  protected override brand(): string {
    return "PlaceholderSyntaxError";
  }

  /** True for a `PlaceholderSyntaxError`, also one thrown by another installed copy of this package. */
  static override isInstance(value: unknown): value is PlaceholderSyntaxError {
    return hasBrand(value, "PlaceholderSyntaxError");
  }
}
