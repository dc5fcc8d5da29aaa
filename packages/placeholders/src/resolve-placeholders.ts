import { ALLOWED_LOCATIONS } from "./allowed-locations.js";
import { PlaceholderLocationError } from "./errors/placeholder-location-error.js";
import { PlaceholderValueError } from "./errors/placeholder-value-error.js";
import { UnknownPlaceholderError } from "./errors/unknown-placeholder-error.js";
import { scan } from "./scan.js";
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
  if (!text.includes("{{")) return text;
  const json = location !== "requestURL";
  let out = "";
  let last = 0;
  // Where we are in the template's JSON: the next quote not yet seen, and whether we are in a string literal.
  let quote = json ? text.indexOf('"') : -1;
  let inString = false;
  let stringStart = 0;
  scan(text, (start, end, found) => {
    if (typeof found !== "object") return; // a near-miss: Desk leaves it as it is
    while (quote !== -1 && quote < start) {
      let slashes = quote;
      while (inString && slashes > stringStart && text.charCodeAt(slashes - 1) === 92) slashes--;
      // A quote after an odd number of backslashes is escaped and does not end the string.
      if ((quote - slashes) % 2 === 0) {
        inString = !inString;
        stringStart = quote + 1;
      }
      quote = text.indexOf('"', quote + 1);
    }
    if (!ALLOWED_LOCATIONS[found.kind].includes(location)) {
      throw new PlaceholderLocationError(
        `${found.token} is not allowed in ${location}`,
        "location",
        found.token,
        location,
      );
    }
    const value = lookup(found, context);
    if (typeof value !== "string") {
      throw new UnknownPlaceholderError(
        `unknown placeholder ${found.token} in ${location}`,
        "unknown",
        found.token,
        location,
      );
    }
    // Checked on the raw value: an escaped "\n" would still become a line break once the header JSON is parsed.
    if (location === "headers" && /[\r\n]/.test(value)) {
      throw new PlaceholderValueError(
        `the value of ${found.token} has CR or LF, not allowed in headers`,
        "header-newline",
        found.token,
        location,
      );
    }
    out += text.slice(last, start) + (inString ? JSON.stringify(value).slice(1, -1) : value);
    last = end;
  });
  return last ? out + text.slice(last) : text;
}
