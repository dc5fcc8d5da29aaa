import { MAX_NEAR_MISS_BODY } from "./grammar.js";
import type { NearMissRule } from "./types.js";

/** The scanner's memory between steps, and what one step found. */
export interface ScanState {
  /** The next "}}" at or after the current position; -1: none left; -2: not looked up yet. */
  close: number;
  /** The candidate's end (exclusive); `from`..`to` is the text between its braces. */
  end: number;
  from: number;
  to: number;
  /** Set for a near-miss. Unset: closed by "}}" and made of name characters and dots only. */
  miss: NearMissRule | undefined;
  /** The next "{{" to look at, or -1. */
  next: number;
}

// A body character: letter, digit, "_" or ".".
const isBodyChar = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46;

/**
 * Reads the `{{...}}` candidate opening at `open` into `state`. Each position is looked at a bounded number of
 * times over a whole scan (the next "}}" is remembered in `state.close`), so adversarial input stays linear.
 * @example
 * const state = { close: -2, end: 0, from: 0, to: 0, miss: undefined, next: 0 };
 * scanStep("a {{ x }}", 2, state); // state: { end: 9, from: 4, to: 7, miss: "spaces", next: -1, ... }
 */
export function scanStep(text: string, open: number, state: ScanState): void {
  let from = open + 2;
  // A run of three or more braces is one near-miss, never a placeholder plus a stray brace.
  while (text.charCodeAt(from) === 123) from++;
  let to = from;
  while (to < text.length && isBodyChar(text.charCodeAt(to))) to++;
  const extra = from - open - 2;
  state.from = from;
  state.to = to;
  if (text.charCodeAt(to) === 125 && text.charCodeAt(to + 1) === 125) {
    let end = to + 2;
    // Swallow the closing braces that match the extra opening ones, so "{{{x}}}" is one near-miss.
    for (let n = extra; n > 0 && text.charCodeAt(end) === 125; n--) end++;
    state.end = end;
    state.miss = extra ? "braces" : undefined;
    state.next = text.indexOf("{{", end);
    return;
  }
  let close = state.close;
  if (close !== -1 && close < from) state.close = close = text.indexOf("}}", from);
  const next = text.indexOf("{{", to);
  state.next = next;
  state.end = to;
  state.miss = "unclosed";
  if (close !== -1 && (next === -1 || close < next) && close - from <= MAX_NEAR_MISS_BODY) {
    // Closed, but with something no placeholder holds between the braces: "{{ installationId }}", "{{a-b}}".
    state.end = close + 2;
    state.to = close;
    state.miss = extra ? "braces" : /\s/.test(text.slice(from, close)) ? "spaces" : "character";
  }
}
