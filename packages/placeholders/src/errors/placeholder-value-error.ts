import { hasBrand, PlaceholderError } from "./placeholder-error.js";

/**
 * A value cannot be placed where it is bound, e.g. CR or LF into a header (rule "header-newline").
 * @example
 * resolvePlaceholders('{"X":"{{multiLine}}"}', "headers", context); // throws PlaceholderValueError
 */
export class PlaceholderValueError extends PlaceholderError {
  protected override brand(): string {
    return "PlaceholderValueError";
  }

  /** True for a `PlaceholderValueError`, also one thrown by another installed copy of this package. */
  static override isInstance(value: unknown): value is PlaceholderValueError {
    return hasBrand(value, "PlaceholderValueError");
  }
}
