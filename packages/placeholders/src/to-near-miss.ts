import { NEAR_MISS_REASONS } from "./near-miss-reasons.js";
import { suggest } from "./suggest.js";
import type { NearMiss, NearMissRule } from "./types.js";

/**
 * The near-miss the scanner reported at `start`..`end` of `text`, with its reason and, when clear, a suggestion.
 * @example
 * toNearMiss("{{ installationId }}", 0, 20, "spaces", " installationId ").suggestion; // "{{installationId}}"
 */
export function toNearMiss(
  text: string,
  start: number,
  end: number,
  rule: NearMissRule,
  inner: string,
): NearMiss {
  const miss: NearMiss = { text: text.slice(start, end), start, end, rule, reason: NEAR_MISS_REASONS[rule] };
  const suggestion = inner && suggest(inner);
  if (suggestion) miss.suggestion = suggestion;
  return miss;
}
