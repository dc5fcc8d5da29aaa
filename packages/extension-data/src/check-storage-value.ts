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
  const problem = firstNonJson(value, "value", new Set());
  if (problem !== undefined) {
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

// Finds the first thing JSON.stringify would drop, change or choke on, so a value never changes on its way to Desk.
function firstNonJson(value: unknown, path: string, ancestors: Set<object>): string | undefined {
  switch (typeof value) {
    case "string":
    case "boolean":
      return undefined;
    case "number":
      return Number.isFinite(value) ? undefined : `${path} is ${value}`;
    case "object": {
      if (value === null) return undefined;
      if (ancestors.has(value)) return `${path} is a circular reference`;
      if (!Array.isArray(value) && !isPlainObject(value)) return `${path} is ${describe(value)}`;
      ancestors.add(value);
      const entries: [string, unknown][] = Array.isArray(value)
        ? Array.from(value, (item, i) => [`${path}[${i}]`, item])
        : Object.keys(value).map((name) => [`${path}.${name}`, value[name]]);
      for (const [childPath, child] of entries) {
        const problem = firstNonJson(child, childPath, ancestors);
        if (problem !== undefined) return problem;
      }
      ancestors.delete(value);
      return undefined;
    }
    default:
      return `${path} is ${typeof value}`;
  }
}

// UTF-8 length without allocating the encoded bytes. JSON.stringify escapes lone surrogates, so pairs are whole.
function utf8Length(text: string): number {
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
