import { ExtensionDataValidationError } from "./errors/validation-error.js";
import { STORAGE_LIMITS } from "./limits.js";

/**
 * Checks a storage `key` or `queriableValue` against spec 2.1: a string of 1 to 50 letters, digits, `,` `_` `:`.
 * Throws {@link ExtensionDataValidationError} naming the field, the rule and the actual length or character.
 *
 * @example
 * checkStorageKey("ticket:42", "key"); // passes
 * checkStorageKey("ticket 42", "key"); // throws: rule "characters"
 */
export function checkStorageKey(
  value: unknown,
  field: "key" | "queriableValue",
  index?: number,
): asserts value is string {
  const at = index === undefined ? {} : { index };
  if (typeof value !== "string") {
    throw new ExtensionDataValidationError({
      field,
      rule: "type",
      message: `must be a string, got ${value === null ? "null" : typeof value}`,
      ...at,
    });
  }
  const { keyMinLength: min, keyMaxLength: max } = STORAGE_LIMITS;
  if (value.length < min || value.length > max) {
    throw new ExtensionDataValidationError({
      field,
      rule: "length",
      message: `must be ${min} to ${max} characters, got ${value.length}`,
      actual: value.length,
      limit: value.length < min ? min : max,
      ...at,
    });
  }
  if (!STORAGE_LIMITS.keyPattern.test(value)) {
    const position = [...value].findIndex((char) => !STORAGE_LIMITS.keyPattern.test(char));
    const char = [...value][position] ?? "";
    throw new ExtensionDataValidationError({
      field,
      rule: "characters",
      message: `may hold only letters, digits and "," "_" ":"; found ${JSON.stringify(char)} at position ${position}`,
      ...at,
    });
  }
}
