import { classifyBody } from "./classify-body.js";
import { REASONS } from "./reasons.js";
import { suggest } from "./suggest.js";
import type { FoundPlaceholder, NearMiss } from "./types.js";

// Body characters (letters, digits, "_", "."), matched from a given position: where an unclosed candidate ends.
const BODY = /[\w.]*/y;

/**
 * Finds every placeholder in `text` with its kind and position, and every near-miss (text that only resembles
 * a placeholder, which Desk leaves as it is) with the reason and, when clear, the intended token. One linear pass.
 * @example
 * const { placeholders, nearMisses } = parsePlaceholders("/api/{{installationId}}?k={{ jiraKey }}");
 * placeholders[0]; // { placeholder: { kind: "installationId", token: "{{installationId}}" }, start: 5, end: 23 }
 * nearMisses[0]?.suggestion; // "{{jiraKey}}"
 */
export function parsePlaceholders(text: string): {
  placeholders: FoundPlaceholder[];
  nearMisses: NearMiss[];
} {
  const placeholders: FoundPlaceholder[] = [];
  const nearMisses: NearMiss[] = [];
  // The same scan as the resolver's: each "{{" once, the next "}}" looked up again only once passed (linear).
  let close = -2;
  for (let start = text.indexOf("{{"), next: number; start !== -1; start = next) {
    let from = start + 2;
    // A run of three or more braces is one near-miss, never a placeholder plus a stray brace.
    while (text.charCodeAt(from) === 123) from++;
    next = text.indexOf("{{", from);
    if (close !== -1 && close < from) close = text.indexOf("}}", from);
    const closed = close !== -1 && (next === -1 || close < next);
    let end = close + 2;
    if (!closed) {
      // Unclosed: the near-miss is the braces and the body characters after them.
      BODY.lastIndex = from;
      BODY.test(text);
      end = BODY.lastIndex;
    }
    const inner = text.slice(from, closed ? close : end);
    const found = !closed ? "unclosed" : from > start + 2 ? "braces" : classifyBody(inner);
    if (typeof found === "object") {
      placeholders.push({ placeholder: found, start, end });
      continue;
    }
    const nearMiss: NearMiss = {
      text: text.slice(start, end),
      start,
      end,
      rule: found,
      reason: REASONS[found],
    };
    const suggestion = suggest(inner);
    if (suggestion) nearMiss.suggestion = suggestion;
    nearMisses.push(nearMiss);
  }
  return { placeholders, nearMisses };
}
