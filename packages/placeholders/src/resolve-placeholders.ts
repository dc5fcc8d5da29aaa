import { ALLOWED_LOCATIONS } from "./allowed-locations.js";
import { classifyBody } from "./classify-body.js";
import type { PlaceholderError } from "./errors/placeholder-error.js";
import { PlaceholderLocationError } from "./errors/placeholder-location-error.js";
import { PlaceholderValueError } from "./errors/placeholder-value-error.js";
import { UnknownPlaceholderError } from "./errors/unknown-placeholder-error.js";
import { issueMessage } from "./issue-message.js";
import type { ErrorRule } from "./reasons.js";
import type { NearMissRule, Placeholder, PlaceholderLocation, ResolveContext } from "./types.js";

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

// One token's replacement: its raw value and its JSON-escaped one (the same string outside JSON text); null for
// a misspelt token (left as it is).
type Replacement = [raw: string, escaped: string] | null;

// Classifying is pure: remembered across calls (bounded), as the same few tokens come back in every request.
const classified = new Map<string, Placeholder | NearMissRule>();

// Throws `Class` for the placeholder `token` breaking `rule` in `location`.
const fail = (
  Class: typeof PlaceholderError,
  rule: ErrorRule,
  token: string,
  location: PlaceholderLocation,
) => {
  throw new Class({ message: issueMessage(token, location, rule), rule, token, location });
};

const replacement = (inner: string, location: PlaceholderLocation, context: ResolveContext): Replacement => {
  let found = classified.get(inner);
  if (!found) {
    if (classified.size > 255) classified.clear();
    found = classifyBody(inner);
    classified.set(inner, found);
  }
  if (typeof found !== "object") return null;
  const { token } = found;
  if (!ALLOWED_LOCATIONS[found.kind].includes(location))
    fail(PlaceholderLocationError, "location", token, location);
  const value = lookup(found, context);
  if (typeof value !== "string") return fail(UnknownPlaceholderError, "unknown", token, location);
  // Checked on the raw value: an escaped "\n" would still become a line break once the header JSON is parsed.
  if (location === "headers" && /[\r\n]/.test(value))
    fail(PlaceholderValueError, "header-newline", token, location);
  const escaped = JSON.stringify(value).slice(1, -1);
  // The same string when escaping changes nothing (or outside JSON text), so the resolver's check is cheap.
  return [value, location !== "requestURL" && escaped !== value ? escaped : value];
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
  // Tokens repeat (the same id in many places): each distinct body is classified, checked and escaped once per
  // call, then recognised by a string comparison.
  const bodies: string[] = [];
  const replacements: Replacement[] = [];
  // The first "}}" at or after the current position, looked up again only once passed: linear on any input.
  let close = -2;
  let out = "";
  let last = 0;
  // Where we are in the template's JSON: the next quote not looked at yet, and whether we are in a string.
  let quote = 0;
  let inString = false;
  while (open !== -1) {
    let from = open + 2;
    // A run of three or more braces is never a placeholder (the same rule as the parser's).
    while (text.charCodeAt(from) === 123) from++;
    const next = text.indexOf("{{", from);
    if (close < from) close = text.indexOf("}}", from);
    if (close === -1) break; // nothing closes any more: the rest stays as it is
    // A candidate: exactly two braces, closed before the next "{{". Anything but a well-formed body (spaces, other
    // characters, bad names) classifies as a near-miss and is left as it is, as Desk does.
    if (from === open + 2 && (next === -1 || close < next)) {
      const body = text.slice(from, close);
      const index = bodies.indexOf(body);
      let found = replacements[index];
      if (index < 0) {
        found = replacement(body, location, context);
        // Past a few distinct tokens, the rest are worked out each time: the comparisons stay few.
        if (bodies.length < 16) {
          bodies.push(body);
          replacements.push(found);
        }
      }
      if (found) {
        const [raw, escaped] = found;
        // Only a value that escaping changes needs to know whether it sits in a string literal; the quotes
        // before it are read then, from where the last such value stopped, so each quote is read once.
        if (escaped !== raw) {
          for (
            quote = text.indexOf('"', quote);
            quote !== -1 && quote < open;
            quote = text.indexOf('"', quote + 1)
          ) {
            let slashes = quote;
            // Inside a string, the backslashes before a quote; never past the opening quote (no backslash).
            while (inString && text.charCodeAt(slashes - 1) === 92) slashes--;
            // A quote after an odd number of backslashes is escaped and does not end the string.
            if ((quote - slashes) % 2 === 0) inString = !inString;
          }
          if (quote === -1) quote = text.length;
        }
        out += text.slice(last, open) + (inString ? escaped : raw);
        last = close + 2;
      }
    }
    open = next;
  }
  return last ? out + text.slice(last) : text;
}
