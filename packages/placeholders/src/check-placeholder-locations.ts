import { ALLOWED_LOCATIONS, PLACEHOLDER_LOCATIONS } from "./allowed-locations.js";
import { issueMessage } from "./issue-message.js";
import { parsePlaceholders } from "./parse-placeholders.js";
import type { PlaceholderIssue, PlaceholderLocation } from "./types.js";

/**
 * Client-side check of the parts of an invoke request before the round trip: every placeholder used where Desk
 * does not allow it (spec 3 table) and every near-miss Desk would send unreplaced. Issues come in request order
 * (requestURL, queryParams, headers, postBody); within a part, location issues, then near-misses, each by
 * position. [] when all is well.
 * @example
 * checkPlaceholderLocations({ requestURL: "https://x.example/{{installationId}}", postBody: '{"k":"{{jiraAuthKey}}"}' });
 * // [{ kind: "location", rule: "location", token: "{{jiraAuthKey}}", location: "postBody", start: 6, end: 21,
 * //    message: "{{jiraAuthKey}} in postBody: not allowed there" }]
 */
export function checkPlaceholderLocations(
  parts: {
    readonly [L in PlaceholderLocation]?: string | undefined;
  },
): PlaceholderIssue[] {
  const issues: PlaceholderIssue[] = [];
  for (const location of PLACEHOLDER_LOCATIONS) {
    const { placeholders, nearMisses } = parsePlaceholders(parts[location] ?? "");
    for (const { placeholder: p, start, end } of placeholders) {
      if (!ALLOWED_LOCATIONS[p.kind].includes(location)) {
        const message = issueMessage(p.token, location, "location");
        issues.push({ token: p.token, location, rule: "location", kind: "location", message, start, end });
      }
    }
    for (const { text: token, start, end, rule, suggestion } of nearMisses) {
      const message = `${issueMessage(token, location, rule)}${suggestion ? `, try ${suggestion}` : ""}`;
      issues.push({ token, location, rule, kind: "near-miss", message, start, end });
    }
  }
  return issues;
}
