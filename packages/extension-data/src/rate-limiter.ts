import { STORAGE_RATE_LIMITS } from "./limits.js";

/** The kinds of storage call Desk counts separately (spec 2.1). */
export type RateLimitKind = "add" | "get" | "delete";

export interface RateLimiterOptions {
  /** Calls allowed per window for each kind. Default {@link STORAGE_RATE_LIMITS}: 50 adds, 250 gets, 50 deletes. */
  limits?: Partial<Record<RateLimitKind, number>>;
  /** Window length in ms. Default 60,000 (per minute). */
  windowMs?: number;
  /** Clock in ms; inject a fake one in tests. Default `Date.now`. */
  now?: () => number;
  /** Waits `ms`; inject one that advances a fake clock in tests. Default a `setTimeout` that honours the signal. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Hands out permission to make a call, waiting while the kind's budget for the sliding window is spent. */
export interface RateLimiter {
  /** Resolves when a call of `kind` may be made now (and counts it); callers are served first come, first served. */
  acquire(kind: RateLimitKind, signal?: AbortSignal): Promise<void>;
}

/**
 * A client-side sliding-window limiter for one installation, so a burst waits instead of failing with 429.
 * It only knows the calls made through it: share one per installation (createExtensionData does).
 *
 * @example
 * const limiter = createRateLimiter();
 * const storage = createStorage(client, { rateLimit: limiter });
 * await Promise.all(keys.map((key) => storage.delete(key))); // the 51st delete waits for the window to move
 */
export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const limits = { ...STORAGE_RATE_LIMITS, ...options.limits };
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  // Start times of the calls still inside the window, oldest first, per kind.
  const started: Record<RateLimitKind, number[]> = { add: [], get: [], delete: [] };
  // Each acquire waits for the previous one of its kind, so waiters are served in order.
  const queues: Record<RateLimitKind, Promise<unknown>> = {
    add: Promise.resolve(),
    get: Promise.resolve(),
    delete: Promise.resolve(),
  };

  async function take(kind: RateLimitKind, signal: AbortSignal | undefined): Promise<void> {
    const log = started[kind];
    for (;;) {
      signal?.throwIfAborted();
      const time = now();
      while (log.length > 0 && log[0]! <= time - windowMs) log.shift();
      if (log.length < limits[kind]) {
        log.push(time);
        return;
      }
      await sleep(log[0]! + windowMs - time, signal);
    }
  }

  return {
    acquire(kind, signal) {
      const turn = queues[kind].then(() => take(kind, signal));
      queues[kind] = turn.catch(() => undefined);
      return turn;
    },
  };
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
