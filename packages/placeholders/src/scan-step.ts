import type { NearMissRule } from "./types.js";

/** The scanner's memory between steps (start with `{ close: -2 }`), and what one step found. */
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

// Body characters (letters, digits, "_", "."), matched from a given position: one character class, no
// backtracking, and successive steps read disjoint stretches.
const BODY = /[\w.]*/y;

/**
 * Reads the `{{...}}` candidate opening at `open` into `state`. Each position is looked at a bounded number of
 * times over a whole scan (the next "}}" is remembered in `state.close`), so adversarial input stays linear.
 * @example
 * const state = { close: -2 } as ScanState;
 * scanStep("a {{ x }}", 2, state); // state: { end: 9, from: 4, to: 7, miss: "spaces", next: -1, ... }
 */
export function scanStep(text: string, open: number, state: ScanState): void {
  let from = open + 2;
  // A run of three or more braces is one near-miss, never a placeholder plus a stray brace.
  while (text.charCodeAt(from) === 123) from++;
  BODY.lastIndex = from;
  BODY.test(text);
  const to = BODY.lastIndex;
  const extra = from > open + 2;
  state.from = from;
  state.to = to;
  if (text.charCodeAt(to) === 125 && text.charCodeAt(to + 1) === 125) {
    state.end = to + 2;
    state.miss = extra ? "braces" : undefined;
    state.next = text.indexOf("{{", to + 2);
    return;
  }
  let close = state.close;
  if (close !== -1 && close < from) state.close = close = text.indexOf("}}", from);
  const next = text.indexOf("{{", to);
  state.next = next;
  state.end = to;
  state.miss = "unclosed";
  if (close !== -1 && (next === -1 || close < next)) {
    // Closed, but with something no placeholder holds between the braces: "{{ installationId }}", "{{a-b}}".
    state.end = close + 2;
    state.to = close;
    state.miss = extra ? "braces" : /\s/.test(text.slice(from, close)) ? "spaces" : "character";
  }
}
