import { MAX_NEAR_MISS_BODY } from "./grammar.js";
import type { NearMissRule, Placeholder } from "./types.js";

/** Receives each placeholder or near-miss; `inner` is the text the braces enclose (for suggestions). */
export type ScanVisitor = (
  start: number,
  end: number,
  found: Placeholder | NearMissRule,
  inner: string,
) => void;

// A body character: letter, digit, "_" or ".". Anything else ends the fast path.
const isBodyChar = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46;

/**
 * Walks `text` once, left to right, jumping between `{{` with indexOf. Every position is looked at a bounded
 * number of times (the next `}}` and `{{` are remembered), so adversarial input stays linear.
 * @example
 * scan("a {{installationId}} {{ x }}", (start, end, from, to, miss) => console.log(start, end, from, to, miss));
 * // 2 20 4 18 undefined, then 21 28 23 26 "spaces"
 */
export function scan(text: string, visit: ScanVisitor): void {
  const length = text.length;
  let open = text.indexOf("{{");
  let close = -2; // the next "}}" at or after the current position; -1: none left; -2: not looked up yet
  while (open !== -1) {
    let from = open + 2;
    // A run of three or more braces is one near-miss, never a placeholder plus a stray brace.
    while (text.charCodeAt(from) === 123) from++;
    let to = from;
    while (to < length && isBodyChar(text.charCodeAt(to))) to++;
    const extra = from - open - 2;
    if (text.charCodeAt(to) === 125 && text.charCodeAt(to + 1) === 125) {
      let end = to + 2;
      // Swallow the closing braces that match the extra opening ones, so "{{{x}}}" is one near-miss.
      for (let n = extra; n > 0 && text.charCodeAt(end) === 125; n--) end++;
      visit(open, end, from, to, extra ? "braces" : undefined);
      open = text.indexOf("{{", end);
      continue;
    }
    if (close !== -1 && close < from) close = text.indexOf("}}", from);
    const next = text.indexOf("{{", to);
    if (close !== -1 && (next === -1 || close < next) && close - from <= MAX_NEAR_MISS_BODY) {
      // Closed, but with something that is not allowed between the braces: "{{ installationId }}", "{{a-b}}".
      const spaces = /\s/.test(text.slice(from, close));
      visit(open, close + 2, from, close, extra ? "braces" : spaces ? "spaces" : "character");
    } else {
      visit(open, to, from, to, "unclosed");
    }
    open = next;
  }
}
