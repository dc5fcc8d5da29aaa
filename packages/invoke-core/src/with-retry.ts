import { DeskApiError } from "./errors/desk-api-error.js";
import { InvokeError } from "./errors/invoke-error.js";
import { NetworkError } from "./errors/network-error.js";
import type { RateLimitError } from "./errors/rate-limit-error.js";
import { TimeoutError } from "./errors/timeout-error.js";
import { parseRetryAfter } from "./parse-retry-after.js";
import type { InvokeMethod, InvokeResult, RetryOptions } from "./types.js";

async function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  // Aborted during shouldRetry: an abort event will not come again.
  signal?.throwIfAborted();
  await new Promise<void>((resolve, reject) => {
    const stop = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", stop);
      resolve();
    }, ms);
    signal?.addEventListener("abort", stop, { once: true });
  });
}

/**
 * Runs `attempt` until it gives a 2xx, a non-transient answer, `limit` retries, or no time is left before
 * `deadline`. Decides by the TARGET method (the invoke call itself is always POST) and looks at both levels:
 * Desk's own 429/502/503/504 and network errors, and the target's status inside a 200. Waits `Retry-After`
 * (capped by `maxRetryAfter`) when given, else the backoff `delay`.
 *
 * @example
 * const result = await withRetry(() => send(), "GET", { limit: 3 }, Date.now() + 30_000, signal);
 */
export async function withRetry(
  attempt: () => Promise<InvokeResult>,
  method: InvokeMethod,
  options: RetryOptions,
  deadline: number,
  signal: AbortSignal | undefined,
): Promise<InvokeResult> {
  // Defaults: idempotent target methods only; the transient statuses of the invoke call and of the target.
  const {
    limit = 2,
    methods = ["GET", "PUT", "DELETE"],
    statusCodes = [429, 502, 503, 504],
    maxRetryAfter = 60_000,
    delay = (attempt: number) => Math.min(300 * 2 ** (attempt - 1), 10_000),
    shouldRetry,
  } = options;
  for (let retry = 1; ; retry++) {
    let result: InvokeResult | undefined;
    let error: unknown;
    try {
      result = await attempt();
      if (result.ok) return result;
    } catch (caught) {
      // Desk's answers and network failures may be retried; a timeout or an abort never.
      if (signal?.aborted || TimeoutError.isInstance(caught) || !InvokeError.isInstance(caught)) throw caught;
      error = caught;
    }
    const after = result
      ? parseRetryAfter(result.headers["retry-after"])
      : // Any refusal may carry Retry-After (a 503 too); RateLimitError is the one that types it.
        (error as Partial<RateLimitError> | undefined)?.retryAfterSeconds;
    const wait = after === undefined ? delay(retry) : Math.min(after * 1000, maxRetryAfter);
    const status = result?.status ?? (DeskApiError.isInstance(error) ? error.status : undefined);
    let again =
      methods.includes(method) &&
      (NetworkError.isInstance(error) || (status !== undefined && statusCodes.includes(status)));
    if (retry <= limit && shouldRetry) {
      again = (await shouldRetry({ attempt: retry, method, error, result, delay: wait })) ?? again;
    }
    if (!again || retry > limit || Date.now() + wait >= deadline) {
      if (result) return result;
      throw error;
    }
    await sleep(wait, signal);
  }
}
