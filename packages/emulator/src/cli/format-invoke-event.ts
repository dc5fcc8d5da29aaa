import type { InvokeEvent } from "../invoke/invoke-event.js";
import type { Style } from "./types.js";

/**
 * One line of `start`'s request log. The event holds no HASH, secret, securityContext or substituted value: the URL
 * is shown as signed, placeholders and all.
 *
 * @example
 * formatInvokeEvent({ requestType: "GET", requestURL: "https://desk.zoho.com/api/v1/tickets", status: 200,
 *   targetStatus: 200, errorCode: undefined, installationId: "4", durationMs: 3 }, style, new Date());
 * // "14:02:11  invoke GET https://desk.zoho.com/api/v1/tickets  → 200  3 ms  installation 4"
 */
export function formatInvokeEvent(event: InvokeEvent, style: Style, at: Date): string {
  const time = style.dim(at.toTimeString().slice(0, 8));
  const call = `invoke ${event.requestType ?? "?"} ${event.requestURL ?? "?"}`;
  const result =
    event.errorCode !== undefined
      ? style.red(`${event.status} ${event.errorCode}`)
      : event.targetStatus !== undefined && event.targetStatus >= 400
        ? style.yellow(`${event.targetStatus}`)
        : style.green(`${event.targetStatus ?? event.status}`);
  const who = event.installationId === undefined ? "" : style.dim(`  installation ${event.installationId}`);
  return `${time}  ${call}  → ${result}  ${Math.round(event.durationMs)} ms${who}`;
}
