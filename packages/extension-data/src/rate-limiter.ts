import { ExtensionDataValidationError } from "./errors/validation-error.js";
import { STORAGE_RATE_LIMITS } from "./limits.js";
import type { RateLimitBackend } from "./rate-limit-backend.js";

/**
 * The kinds of storage call Desk counts separately (spec 2.1).
 *
 * @example
 * await limiter.schedule("get" satisfies RateLimitKind, () => storage.get("k"));
 */
export type RateLimitKind = "add" | "get" | "delete";

/**
 * Options of {@link createRateLimiter}.
 *
 * @example
 * const limiter = createRateLimiter({ limits: { add: 25 }, now: clock.now, sleep: clock.sleep });
 */
export interface RateLimiterOptions {
  /** Calls allowed per window for each kind. Default {@link STORAGE_RATE_LIMITS}: 50 adds, 250 gets, 50 deletes. */
  limits?: Partial<Record<RateLimitKind, number>>;
  /** Window length in ms. Default 60,000 (per minute). */
  windowMs?: number;
  /** Clock in ms; inject a fake one in tests. Default `Date.now`. */
  now?: () => number;
  /** Waits `ms`; inject one that advances a fake clock in tests. Default a `setTimeout` that honours the signal. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /**
   * Keeps the count in a shared backend (e.g. Redis, `@desk/sdk/limiters/redis`) instead of this process's memory,
   * so every process acting for an installation keeps one budget. Needs `key`. Default: none (in memory).
   */
  backend?: RateLimitBackend;
  /** With `backend`: the installation's id in it (its orgId). Buckets are `<key>:add`, `<key>:get`, `<key>:delete`. */
  key?: string;
  /** With `backend`: the longest wait before asking a full backend again, in ms. Default a twentieth of `windowMs`. */
  pollMs?: number;
}

/**
 * Runs calls within a per-kind budget, making a burst wait instead of failing.
 *
 * @example
 * const value = await limiter.schedule("get", () => fetchSomething());
 */
export interface RateLimiter {
  /**
   * Runs `call` as soon as a call of `kind` fits the budget (first come, first served) and answers its result.
   * A call holds its slot while it runs and for one window after it ended, so the count can only be above Desk's.
   */
  schedule<T>(kind: RateLimitKind, call: () => Promise<T>, signal?: AbortSignal): Promise<T>;
}

interface Budget {
  /** End times of the calls still inside the window, oldest first. */
  ended: number[];
  running: number;
  /** Woken when a running call ends. */
  waiting: (() => void)[];
  /** The previous scheduling turn; each waits for it, so callers are served in order. */
  queue: Promise<unknown>;
}

/**
 * A client-side sliding-window limiter for one installation (spec 2.1: 50 adds, 250 gets, 50 deletes per minute).
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
  if (options.backend)
    return sharedLimiter(options.backend, options.key, limits, windowMs, sleep, options.pollMs);
  const budgets = {} as Record<RateLimitKind, Budget>;
  for (const kind of ["add", "get", "delete"] as const) {
    budgets[kind] = { ended: [], running: 0, waiting: [], queue: Promise.resolve() };
  }

  async function take(kind: RateLimitKind, signal: AbortSignal | undefined): Promise<void> {
    const budget = budgets[kind];
    for (;;) {
      signal?.throwIfAborted();
      const time = now();
      while (budget.ended.length > 0 && budget.ended[0]! <= time - windowMs) budget.ended.shift();
      if (budget.running + budget.ended.length < limits[kind]) {
        budget.running++;
        return;
      }
      // Only an ended call leaving the window frees a slot; with none ended yet, wait for one to end first.
      if (budget.ended.length > 0) await sleep(budget.ended[0]! + windowMs - time, signal);
      else await waitForEnd(budget, signal);
    }
  }

  function end(kind: RateLimitKind): void {
    const budget = budgets[kind];
    budget.running--;
    // Counted from the end, which is never before Desk counted the call (on arrival).
    budget.ended.push(now());
    for (const wake of budget.waiting.splice(0)) wake();
  }

  return {
    async schedule(kind, call, signal) {
      const budget = budgets[kind];
      const turn = budget.queue.then(() => take(kind, signal));
      budget.queue = turn.catch(() => undefined);
      await turn;
      try {
        return await call();
      } finally {
        end(kind);
      }
    },
  };
}

// The limiter over a shared backend: every process asks the backend for a slot, so the count is the backend's.
function sharedLimiter(
  backend: RateLimitBackend,
  key: string | undefined,
  limits: Record<RateLimitKind, number>,
  windowMs: number,
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>,
  pollMs = Math.max(1, Math.floor(windowMs / 20)),
): RateLimiter {
  if (typeof key !== "string" || key === "") {
    throw new ExtensionDataValidationError({
      field: "key",
      rule: "required",
      message: "must be a non-empty string (the installation's orgId) when backend is given",
    });
  }
  return {
    async schedule(kind, call, signal) {
      const bucket = `${key}:${kind}`;
      let slot: string;
      for (;;) {
        signal?.throwIfAborted();
        const grant = await backend.acquire({ bucket, limit: limits[kind], windowMs });
        if ("slot" in grant) {
          slot = grant.slot;
          break;
        }
        // A held slot may free early (its call ends), which only another ask can see: wait at most pollMs.
        await sleep(Math.min(grant.retryInMs, pollMs), signal);
      }
      try {
        return await call();
      } finally {
        // The call is done; if the release fails the slot still frees itself (two windows after acquire).
        await backend.release({ bucket, slot, windowMs }).catch(() => undefined);
      }
    },
  };
}

// Waits until a running call of this budget ends, or rejects as soon as the signal aborts.
function waitForEnd(budget: Budget, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const stop = () => reject(signal?.reason);
    budget.waiting.push(() => {
      signal?.removeEventListener("abort", stop);
      resolve();
    });
    signal?.addEventListener("abort", stop, { once: true });
  });
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
