import { unprocessable } from "../errors/emulator-request-error.js";

type QueryValue = string | number | boolean | null;

function parseObject(text: string, field: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw unprocessable(field, `${field} must be JSON object text`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw unprocessable(
      field,
      `${field} must be a JSON object, not ${Array.isArray(value) ? "an array" : typeof value}`,
    );
  }
  return value as Record<string, unknown>;
}

function isScalar(value: unknown): value is QueryValue {
  return value === null || ["string", "number", "boolean"].includes(typeof value);
}

/** `headers` JSON text -> name/value pairs; numbers and booleans become their JSON text (the doc's `{"orgId":376723}`). */
export function parseHeadersJson(text: string | undefined): [string, string][] {
  if (text === undefined || text === "") return [];
  return Object.entries(parseObject(text, "headers")).map(([name, value]) => {
    if (typeof value === "string") return [name, value];
    if (typeof value === "number" || typeof value === "boolean") return [name, JSON.stringify(value)];
    throw unprocessable("headers", `header ${name} must be a string, number or boolean`);
  });
}

/**
 * `queryParams` JSON text -> URLSearchParams entries (spec 3 decision): strings as they are, numbers and booleans as
 * their JSON text, arrays as repeated keys, null omitted.
 */
export function parseQueryParamsJson(text: string | undefined): [string, string][] {
  if (text === undefined || text === "") return [];
  const entries: [string, string][] = [];
  for (const [name, value] of Object.entries(parseObject(text, "queryParams"))) {
    const list = Array.isArray(value) ? value : [value];
    for (const item of list) {
      if (!isScalar(item)) {
        throw unprocessable(
          "queryParams",
          `queryParams.${name} must be a string, number, boolean, null or an array of them`,
        );
      }
      if (item !== null) entries.push([name, typeof item === "string" ? item : JSON.stringify(item)]);
    }
  }
  return entries;
}
