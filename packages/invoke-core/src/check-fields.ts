import { InvokeValidationError } from "./errors/invoke-validation-error.js";

/** The error for `field` breaking `rule` (the rule, never the value). */
export const invalid = (field: string, rule: string): InvokeValidationError =>
  new InvokeValidationError({ field, rule });

/** An object that is not an array (what an options object or a JSON object is). */
export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A plain object (a JSON object or a literal): what a record (`query`, `headers`) must be. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  if (!isObject(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A finite number (NaN and ±Infinity are not JSON). */
export const isNumber = (value: unknown): value is number =>
  typeof value === "number" && Number.isFinite(value);

/** A whole number from 0 up to `Number.MAX_SAFE_INTEGER`. */
export const isCount = (value: unknown): value is number =>
  Number.isSafeInteger(value) && (value as number) >= 0;

/** Throws for the first own key of `value` not in `known` (a typo would otherwise be ignored silently). */
export function assertKnownKeys(value: object, known: ReadonlySet<string>, field: string): void {
  for (const key of Object.keys(value)) {
    if (!known.has(key)) throw invalid(field, `unknown key "${key}"`);
  }
}
