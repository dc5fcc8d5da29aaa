import type { CallbackOutcome } from "../emulator-types.js";
import type { Style } from "./types.js";

/**
 * A single callback outcome on one line (without indentation).
 *
 * @example
 * formatCallback({ event: "onUpdate", status: null, ok: false, skipped: true, durationMs: 0, sentAt: "" }, style);
 * // "– onUpdate  skipped: no callbackListener for it in the manifest"
 */
export function formatCallback(outcome: CallbackOutcome, style: Style): string {
  if (outcome.skipped === true || outcome.url === null) {
    return `${style.dim("–")} ${outcome.event}  ${style.dim("skipped: no callbackListener for it in the manifest")}`;
  }
  const time = `${Math.round(outcome.durationMs)} ms`;
  if (outcome.ok) {
    return `${style.green("✔")} ${outcome.event}  ${style.green(String(outcome.status))}  ${time}  ${style.dim(outcome.url)}`;
  }
  const what =
    outcome.status === null
      ? `failed: ${outcome.error ?? "no answer"}`
      : `HTTP ${outcome.status}${outcome.error ? ` (${outcome.error})` : ""}`;
  return `${style.red("✖")} ${outcome.event}  ${style.red(what)}  ${time}  ${style.dim(outcome.url)}`;
}
