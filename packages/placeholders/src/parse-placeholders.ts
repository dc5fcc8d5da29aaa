import { classifyBody } from "./classify-body.js";
import { NEAR_MISS_REASONS } from "./near-miss-reasons.js";
import { type ScanState, scanStep } from "./scan-step.js";
import { suggest } from "./suggest.js";
import type { FoundPlaceholder, NearMiss } from "./types.js";

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
  const state = { close: -2 } as ScanState; // scanStep fills in the rest
  for (let start = text.indexOf("{{"); start !== -1; start = state.next) {
    scanStep(text, start, state);
    const { end, from, to, miss } = state;
    const inner = text.slice(from, to);
    const found = miss ?? classifyBody(inner);
    if (typeof found === "object") {
      placeholders.push({ placeholder: found, start, end });
      continue;
    }
    const nearMiss: NearMiss = {
      text: text.slice(start, end),
      start,
      end,
      rule: found,
      reason: NEAR_MISS_REASONS[found],
    };
    const suggestion = suggest(inner);
    if (suggestion) nearMiss.suggestion = suggestion;
    nearMisses.push(nearMiss);
  }
  return { placeholders, nearMisses };
}
