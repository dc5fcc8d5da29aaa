import { finished } from "node:stream/promises";
import { signCallback } from "@desk/hash";
import type { EmulatorContext } from "../context/emulator-context.js";
import type { CallbackOutcome } from "../emulator-types.js";
import { startDeadline } from "../http/deadline.js";
import { sendRequest } from "../http/send-request.js";

/**
 * POSTs a signed platform-event callback (spec 4: HASH = HMAC-SHA256 of the exact bytes sent) to the manifest's
 * callbackListener for `event`, and records the outcome. Never throws; an event nobody listens for is recorded as
 * skipped.
 */
export async function sendCallback(
  context: EmulatorContext,
  installationId: string,
  event: string,
  body: string,
): Promise<CallbackOutcome> {
  const url = context.manifest.callbackListener?.[event];
  const sentAt = new Date(context.now()).toISOString();
  let outcome: CallbackOutcome;
  if (url === undefined) {
    outcome = { event, url: null, status: null, ok: true, durationMs: 0, skipped: true, sentAt };
  } else if (typeof url !== "string" || !/^https?:\/\//i.test(url)) {
    const error = `callbackListener.${event} is not an http(s) URL, so it cannot be called`;
    outcome = { event, url: String(url), status: null, ok: false, durationMs: 0, error, sentAt };
  } else if (context.secret === undefined) {
    const error = "plugin-manifest.json has no secret to sign the callback with";
    outcome = { event, url, status: null, ok: false, durationMs: 0, error, sentAt };
  } else {
    const bytes = Buffer.from(body, "utf8");
    const hash = await signCallback(context.secret, bytes);
    const started = performance.now();
    const deadline = startDeadline(context.targetTimeoutMs);
    try {
      const response = await sendRequest(new URL(url), {
        method: "POST",
        headers: new Headers({ "Content-Type": "application/json", HASH: hash }),
        body: bytes,
        signal: deadline.signal,
        agents: context.agents,
      });
      if (response.body !== null) {
        response.body.resume();
        await finished(response.body).catch(() => undefined);
      }
      outcome = {
        event,
        url,
        status: response.status,
        ok: response.status >= 200 && response.status < 300,
        durationMs: Math.round(performance.now() - started),
        sentAt,
      };
    } catch (error) {
      const timedOut = (error as Error).name === "TimeoutError";
      outcome = {
        event,
        url,
        status: null,
        ok: false,
        durationMs: Math.round(performance.now() - started),
        error: timedOut ? `timed out after ${context.targetTimeoutMs} ms` : describeFetchError(error),
        sentAt,
      };
    } finally {
      deadline.clear();
    }
  }
  context.stores.callbacks.insert(installationId, outcome);
  return outcome;
}

function describeFetchError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return (error as { code?: string }).code ?? cause?.code ?? cause?.message ?? (error as Error).message;
}
