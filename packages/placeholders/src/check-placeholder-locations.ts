import { ALLOWED_LOCATIONS, PLACEHOLDER_LOCATIONS } from "./allowed-locations.js";
import { classifyBody } from "./classify-body.js";
import { scan } from "./scan.js";
import { toNearMiss } from "./to-near-miss.js";
import type { PlaceholderIssue, PlaceholderLocation } from "./types.js";

/**
 * Client-side check of the parts of an invoke request before the round trip: every placeholder used where Desk
 * does not allow it (spec 3 table) and every near-miss Desk would send unreplaced. Issues come in request order
 * (requestURL, queryParams, headers, postBody), then by position; [] when all is well.
 * @example
 * checkPlaceholderLocations({ requestURL: "https://x.example/{{installationId}}", postBody: '{"k":"{{jiraAuthKey}}"}' });
 * // [{ kind: "location", rule: "location", token: "{{jiraAuthKey}}", location: "postBody", start: 6, end: 21,
 * //    message: "{{jiraAuthKey}} is not allowed in postBody, only in requestURL, queryParams, headers" }]
 */
export function checkPlaceholderLocations(
  parts: {
    readonly [L in PlaceholderLocation]?: string | undefined;
  },
): PlaceholderIssue[] {
  const issues: PlaceholderIssue[] = [];
  for (const location of PLACEHOLDER_LOCATIONS) {
    const text = parts[location] ?? "";
    scan(text, (start, end, from, to, miss) => {
      const inner = text.slice(from, to);
      const found = miss ?? classifyBody(inner);
      if (typeof found === "object") {
        const allowed = ALLOWED_LOCATIONS[found.kind];
        const message = `${found.token} is not allowed in ${location}, only in ${allowed.join(", ")}`;
        if (!allowed.includes(location)) {
          issues.push({
            token: found.token,
            location,
            rule: "location",
            kind: "location",
            message,
            start,
            end,
          });
        }
        return;
      }
      const { text: token, reason, suggestion } = toNearMiss(text, start, end, found, inner);
      // A near-miss can be a long run of braces: the message quotes its start only.
      const message = `${JSON.stringify(token.slice(0, 40))} in ${location} is sent as it is: ${reason}${suggestion ? `; did you mean ${suggestion}?` : ""}`;
      issues.push({ token, location, rule: found, kind: "near-miss", message, start, end });
    });
  }
  return issues;
}
