import { classifyBody } from "./classify-body.js";
import { scan } from "./scan.js";
import { toNearMiss } from "./to-near-miss.js";
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
  scan(text, (start, end, from, to, miss) => {
    const inner = text.slice(from, to);
    const found = miss ?? classifyBody(inner);
    if (typeof found === "object") placeholders.push({ placeholder: found, start, end });
    else nearMisses.push(toNearMiss(text, start, end, found, inner));
  });
  return { placeholders, nearMisses };
}
