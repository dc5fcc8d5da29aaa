import { ExtensionDataValidationError } from "./errors/validation-error.js";
import { STORAGE_LIMITS } from "./limits.js";

/**
 * Checks a storage `value` against spec 2.1: a plain JSON object (no array, scalar, `undefined`, function, class
 * instance, non-finite number or cycle anywhere inside) whose compact JSON text is at most 5,222 UTF-8 bytes.
 * Returns that byte size. Throws {@link ExtensionDataValidationError} naming the rule and the actual size.
 *
 * @example
 * checkStorageValue({ state: "open" }); // 16
 * checkStorageValue([1, 2]);            // throws: rule "type"
 */
export function checkStorageValue(value: unknown, index?: number): number {
  const at = index === undefined ? {} : { index };
  if (!isPlainObject(value)) {
    throw new ExtensionDataValidationError({
      field: "value",
      rule: "type",
      message: `must be a JSON object (not an array, null or a scalar), got ${describe(value)}`,
      ...at,
    });
  }
  const found = firstNonJson(value, 0);
  if (found !== undefined) {
    const problem = `value${found[1].reverse().join("")} ${found[0]}`;
    throw new ExtensionDataValidationError({
      field: "value",
      rule: "json",
      message: `must hold only JSON values (it is stored as JSON text): ${problem}`,
      ...at,
    });
  }
  const bytes = utf8Length(JSON.stringify(value));
  if (bytes > STORAGE_LIMITS.valueMaxBytes) {
    throw new ExtensionDataValidationError({
      field: "value",
      rule: "size",
      message: `must be at most ${STORAGE_LIMITS.valueMaxBytes} bytes of compact UTF-8 JSON, got ${bytes}`,
      actual: bytes,
      limit: STORAGE_LIMITS.valueMaxBytes,
      ...at,
    });
  }
  return bytes;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return `a ${value.constructor?.name ?? "object"}`;
  return typeof value;
}

// No value within the byte limit nests deeper than this ("[" and "]" per level): deeper means a cycle or too big.
const MAX_DEPTH = STORAGE_LIMITS.valueMaxBytes / 2;

// Finds the first thing JSON.stringify would drop, change or choke on, so a value never changes on its way to Desk.
// Answers [problem, path parts from the inside out]; the path is only built when there is a problem. A depth bound
// stands in for cycle tracking, which would cost more than the rest of the check.
function firstNonJson(value: unknown, depth: number): [string, string[]] | undefined {
  switch (typeof value) {
    case "string":
    case "boolean":
      return undefined;
    case "number":
      return Number.isFinite(value) ? undefined : [`is ${value}`, []];
    case "object": {
      if (value === null) return undefined;
      if (depth > MAX_DEPTH) return [`nests more than ${MAX_DEPTH} levels deep (a circular reference?)`, []];
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          const found = firstNonJson(value[i], depth + 1);
          if (found) {
            found[1].push(`[${i}]`);
            return found;
          }
        }
        return undefined;
      }
      if (!isPlainObject(value)) return [`is ${describe(value)}`, []];
      for (const name of Object.keys(value)) {
        const found = firstNonJson(value[name], depth + 1);
        if (found) {
          found[1].push(`.${name}`);
          return found;
        }
      }
      return undefined;
    }
    default:
      return [`is ${typeof value}`, []];
  }
}

// Room for the largest allowed text plus one character, so encodeInto tells "over the limit" without encoding it all.
const scratch = new Uint8Array(STORAGE_LIMITS.valueMaxBytes + 4);
const encoder = new TextEncoder();

// UTF-8 length of JSON text (well-formed: JSON.stringify escapes lone surrogates), exact up to the limit; above it,
// counted by hand for the error message only.
function utf8Length(text: string): number {
  // Every UTF-16 unit is at least one byte, so a longer text is over the limit whatever it holds.
  if (text.length <= STORAGE_LIMITS.valueMaxBytes) {
    const { read, written } = encoder.encodeInto(text, scratch);
    if (read === text.length) return written;
  }
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
