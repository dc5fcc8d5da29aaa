import { brandError } from "@desk/errors";
import { ExtensionDataError } from "./extension-data-error.js";

/**
 * The rules a client-side check can break.
 *
 * @example
 * if (error.rule === "size") console.log(`${error.actual} > ${error.limit} bytes`);
 */
export type ValidationRule =
  | "required"
  | "type"
  | "length"
  | "characters"
  | "json"
  | "size"
  | "range"
  | "count";

/**
 * An argument broke a platform limit and was refused BEFORE any network call. Names the field, the rule, and
 * the actual size next to the allowed one.
 *
 * @example
 * try {
 *   await storage.set("x".repeat(51), {});
 * } catch (error) {
 *   if (ExtensionDataValidationError.isInstance(error)) {
 *     console.log(error.field, error.rule, error.actual, error.limit); // "key" "length" 51 50
 *   }
 * }
 */
export class ExtensionDataValidationError extends ExtensionDataError {
  static override readonly brand: symbol = brandError(
    this,
    "@desk/extension-data/ExtensionDataValidationError",
  );
  /** The argument at fault, e.g. "key", "queriableValue", "value", "limit", "title". */
  readonly field: string;
  readonly rule: ValidationRule;
  /** The measured size (characters, bytes, count) when the rule is about a size. */
  readonly actual: number | undefined;
  /** The allowed maximum (or minimum for "range") when the rule is about a size. */
  readonly limit: number | undefined;
  /** Position in the list given to `setMany`, when the item came from one. */
  readonly index: number | undefined;

  constructor(details: {
    field: string;
    rule: ValidationRule;
    message: string;
    actual?: number;
    limit?: number;
    index?: number;
  }) {
    const where = details.index === undefined ? details.field : `items[${details.index}].${details.field}`;
    super({ message: `${where}: ${details.message}` });
    this.field = details.field;
    this.rule = details.rule;
    this.actual = details.actual;
    this.limit = details.limit;
    this.index = details.index;
  }
}
