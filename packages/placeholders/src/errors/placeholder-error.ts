import { brandError, DeskError } from "@desk/errors";
import type { PlaceholderLocation } from "../types.js";

/**
 * Base class of every error thrown by `@desk/placeholders`, built on `DeskError` of `@desk/errors`.
 * Fields: `rule` (the rule broken: "location", "unknown", "header-newline", "name", "reserved"), `token`
 * (the placeholder) and `location` when there is one. Messages never hold a value, only the placeholder's name.
 * @example
 * try { resolvePlaceholders(text, "headers", context); }
 * catch (error) { if (PlaceholderError.isInstance(error)) console.log(error.rule, error.token, error.location); }
 */
export class PlaceholderError extends DeskError {
  static override readonly brand: symbol = brandError(this, "@desk/placeholders/PlaceholderError");
  declare readonly rule: string;
  // `declare`: no class field is emitted, so an absent token or location is really absent.
  declare readonly token?: string;
  declare readonly location?: PlaceholderLocation;

  /** `message` without the package prefix, which is added. */
  constructor({
    message,
    rule,
    token,
    location,
    cause,
  }: {
    message: string;
    rule: string;
    token?: string | undefined;
    location?: PlaceholderLocation | undefined;
    cause?: unknown;
  }) {
    super({ message: `@desk/placeholders: ${message}`, cause });
    // Own properties set once here; `declare` keeps them off the class-field path.
    Object.assign(this, token ? { rule, token } : { rule }, location ? { location } : {});
  }
}
