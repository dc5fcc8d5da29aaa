import type { PlaceholderLocation } from "../types.js";

const brand = (name: string) => Symbol.for(`@desk/placeholders/${name}`);

/**
 * Base class of every error thrown by `@desk/placeholders`; branded so `isInstance` survives duplicate installs.
 * Fields: `rule` (the rule broken: "location", "unknown", "header-newline", "name", "reserved"), `token`
 * (the placeholder) and `location` when there is one. Messages never hold a value, only the placeholder's name.
 * @example
 * try { resolvePlaceholders(text, "headers", context); }
 * catch (error) { if (PlaceholderError.isInstance(error)) console.log(error.rule, error.token, error.location); }
 */
export class PlaceholderError extends Error {
  /** The class's name, stated rather than read from the constructor so minifiers cannot change it. */
  static readonly brandName: string = "PlaceholderError";
  declare readonly rule: string;
  // `declare`: no class field is emitted, so an absent token or location is really absent.
  declare readonly token?: string;
  declare readonly location?: PlaceholderLocation;

  constructor(message: string, rule: string, token?: string, location?: PlaceholderLocation) {
    super(`@desk/placeholders: ${message}`);
    this.rule = rule;
    if (token) this.token = token;
    if (location) this.location = location;
    this.name = (new.target as typeof PlaceholderError).brandName;
    // Non-enumerable brands: the shared "@desk/error" one, the base class's and the concrete class's.
    for (const key of [Symbol.for("@desk/error"), brand("PlaceholderError"), brand(this.name)]) {
      Object.defineProperty(this, key, { value: true });
    }
  }

  /**
   * True when `value` is an instance of the class this is called on (`UnknownPlaceholderError.isInstance(e)`),
   * also one thrown by another installed copy of this package: it checks the class's `Symbol.for` brand.
   */
  static isInstance<T extends typeof PlaceholderError>(this: T, value: unknown): value is InstanceType<T> {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass it is called on, whose brand is wanted.
    return (value as Record<symbol, unknown> | null)?.[brand(this.brandName)] === true;
  }
}
