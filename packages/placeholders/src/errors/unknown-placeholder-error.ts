import { hasBrand, PlaceholderError } from "./placeholder-error.js";

/**
 * The resolver met a placeholder the context does not hold (rule "unknown").
 * @example
 * resolvePlaceholders("{{nope}}", "headers", context); // throws UnknownPlaceholderError
 */
export class UnknownPlaceholderError extends PlaceholderError {
  protected override brand(): string {
    return "UnknownPlaceholderError";
  }

  /** True for a `UnknownPlaceholderError`, also one thrown by another installed copy of this package. */
  static override isInstance(value: unknown): value is UnknownPlaceholderError {
    return hasBrand(value, "UnknownPlaceholderError");
  }
}
