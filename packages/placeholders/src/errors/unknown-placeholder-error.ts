import { brandError } from "@desk/errors";
import { PlaceholderError } from "./placeholder-error.js";

/**
 * The resolver met a placeholder the context does not hold (rule "unknown").
 * @example
 * resolvePlaceholders("{{nope}}", "headers", context); // throws UnknownPlaceholderError
 */
export class UnknownPlaceholderError extends PlaceholderError {
  static override readonly brand: symbol = brandError(this, "@desk/placeholders/UnknownPlaceholderError");
}
