import { ALLOWED_LOCATIONS } from "./allowed-locations.js";
import { classifyBody } from "./classify-body.js";
import { PlaceholderLocationError } from "./errors/placeholder-location-error.js";
import { PlaceholderValueError } from "./errors/placeholder-value-error.js";
import { UnknownPlaceholderError } from "./errors/unknown-placeholder-error.js";
import { type ScanState, scanStep } from "./scan-step.js";
import type { Placeholder, PlaceholderLocation, ResolveContext } from "./types.js";

// Own properties only, so "{{constructor}}" or "{{toString}}" stays unknown.
const get = <T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined =>
  record && Object.hasOwn(record, key) ? record[key] : undefined;

// The context's value for a placeholder, or undefined.
const lookup = (p: Placeholder, context: ResolveContext): string | undefined =>
  p.kind === "installationId"
    ? context.installationId
    : p.kind === "config"
      ? get(context.config, p.name)
      : get(get(context.resources, p.resourceType), p.resourceName)?.[
          p.kind === "resourceId" ? "id" : "apiName"
        ];

// One token's replacement: its raw value, and the JSON-escaped one when escaping changes it; null for a
// misspelt token (left as it is).
type Replacement = { raw: string; escaped: string | undefined } | null;

// Classifying is pure: remembered across calls (bounded), as the same few tokens come back in every request.
const classified = new Map<string, ReturnType<typeof classifyBody>>();

const replacement = (inner: string, location: PlaceholderLocation, context: ResolveContext): Replacement => {
  let found = classified.get(inner);
  if (!found) {
    if (classified.size > 255) classified.clear();
    found = classifyBody(inner);
    classified.set(inner, found);
  }
  if (typeof found !== "object") return null;
  const { token } = found;
  if (!ALLOWED_LOCATIONS[found.kind].includes(location)) {
    throw new PlaceholderLocationError(`${token} is not allowed in ${location}`, "location", token, location);
  }
  const value = lookup(found, context);
  if (typeof value !== "string") {
    throw new UnknownPlaceholderError(
      `unknown placeholder ${token} in ${location}`,
      "unknown",
      token,
      location,
    );
  }
  // Checked on the raw value: an escaped "\n" would still become a line break once the header JSON is parsed.
  if (location === "headers" && /[\r\n]/.test(value)) {
    throw new PlaceholderValueError(
      `${token} has CR or LF: not for headers`,
      "header-newline",
      token,
      location,
    );
  }
  // Only quotes, backslashes and control characters change when escaped (and could break the JSON).
  const escaped = location !== "requestURL" && /["\\\u0000-\u001f]/.test(value);
  return { raw: value, escaped: escaped ? JSON.stringify(value).slice(1, -1) : undefined };
};

/**
 * The Desk side: replaces every placeholder in `text` in ONE pass, left to right; a substituted value is never
 * scanned again. In `queryParams`, `headers` and `postBody` (JSON text) a placeholder inside a string literal
 * gets a JSON-escaped value and one outside gets the raw value; `requestURL` gets raw values. Near-misses are
 * left as they are. Text without "{{" comes back unchanged.
 * @throws PlaceholderLocationError a placeholder Desk does not allow in `location`.
 * @throws UnknownPlaceholderError a placeholder the context does not hold.
 * @throws PlaceholderValueError a value with CR or LF bound for `headers`.
 * @example
 * const context = { installationId: "42", config: { token: 'a"b' }, resources: {} };
 * resolvePlaceholders('{"Authorization":"Bearer {{token}}"}', "headers", context); // '{"Authorization":"Bearer a\\"b"}'
 */
export function resolvePlaceholders(
  text: string,
  location: PlaceholderLocation,
  context: ResolveContext,
): string {
  let open = text.indexOf("{{");
  if (open === -1) return text;
  // Tokens repeat (the same id in many places): each distinct one is classified, checked and escaped once per
  // call, then recognised by the next "}}" (looked up once per position, as in scanStep), its length and one
  // string comparison, without scanning it again.
  const bodies: string[] = [];
  const replacements: Replacement[] = [];
  const state = { close: -2 } as ScanState; // scanStep fills in the rest
  let out = "";
  let last = 0;
  // Where we are in the template's JSON: the next quote not looked at yet, and whether we are in a string.
  let quote = 0;
  let inString = false;
  let stringStart = 0;
  while (open !== -1) {
    const from = open + 2;
    let close = state.close;
    if (close !== -1 && close < from) state.close = close = text.indexOf("}}", from);
    let body: string | undefined;
    let index = 0;
    while (
      index < bodies.length &&
      !(bodies[index]!.length === close - from && bodies[index] === (body ??= text.slice(from, close)))
    ) {
      index++;
    }
    let found = replacements[index];
    let end = close + 2;
    let next: number;
    if (index < bodies.length) {
      next = text.indexOf("{{", end);
    } else {
      scanStep(text, open, state);
      ({ end, next } = state);
      // Desk leaves text that only resembles a placeholder as it is.
      found = null;
      if (!state.miss) {
        body = text.slice(from, state.to);
        found = replacement(body, location, context);
        // Past a few distinct tokens, the rest are worked out each time: the comparisons stay few.
        if (index < 16) {
          bodies.push(body);
          replacements.push(found);
        }
      }
    }
    if (found) {
      const { raw, escaped } = found;
      // Only a value that escaping changes needs to know whether it sits in a string literal; the quotes
      // before it are read then, from where the last such value stopped, so each quote is read once.
      if (escaped !== undefined) {
        for (
          quote = text.indexOf('"', quote);
          quote !== -1 && quote < open;
          quote = text.indexOf('"', quote + 1)
        ) {
          let slashes = quote;
          while (inString && slashes > stringStart && text.charCodeAt(slashes - 1) === 92) slashes--;
          // A quote after an odd number of backslashes is escaped and does not end the string.
          if ((quote - slashes) % 2 === 0) {
            inString = !inString;
            stringStart = quote + 1;
          }
        }
        if (quote === -1) quote = text.length;
      }
      out += text.slice(last, open) + (inString && escaped !== undefined ? escaped : raw);
      last = end;
    }
    open = next;
  }
  return last ? out + text.slice(last) : text;
}
