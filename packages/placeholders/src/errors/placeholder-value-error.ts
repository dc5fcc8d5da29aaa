import { brandError } from "@desk/errors";
import { PlaceholderError } from "./placeholder-error.js";

/**
 * A value cannot be placed where it is bound, e.g. CR or LF into a header (rule "header-newline").
 * @example
 * resolvePlaceholders('{"X":"{{multiLine}}"}', "headers", context); // throws PlaceholderValueError
 */
export class PlaceholderValueError extends PlaceholderError {
  static override readonly brand: symbol = brandError(this, "@desk/placeholders/PlaceholderValueError");
}
