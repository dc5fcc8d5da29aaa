import { type ScanState, scanStep } from "./scan-step.js";
import type { NearMissRule } from "./types.js";

/**
 * Receives each `{{...}}` candidate at `start`..`end`; `text.slice(from, to)` is the text between the braces.
 * Without `miss`, it is closed by `}}` and made of name characters and dots: `classifyBody` of it tells a
 * placeholder from a misspelt one.
 */
export type ScanVisitor = (start: number, end: number, from: number, to: number, miss?: NearMissRule) => void;

/**
 * Walks `text` once, left to right, jumping between `{{` with indexOf; linear also on adversarial input.
 * @example
 * scan("a {{installationId}} {{ x }}", (start, end, from, to, miss) => console.log(start, end, from, to, miss));
 * // 2 20 4 18 undefined, then 21 28 23 26 "spaces"
 */
export function scan(text: string, visit: ScanVisitor): void {
  const state: ScanState = { close: -2, end: 0, from: 0, to: 0, miss: undefined, next: 0 };
  for (let open = text.indexOf("{{"); open !== -1; open = state.next) {
    scanStep(text, open, state);
    visit(open, state.end, state.from, state.to, state.miss);
  }
}
