/**
 * A slot taken by {@link RateLimitBackend.acquire}, or how long to wait before asking again.
 *
 * @example
 * const grant: RateLimitGrant = await backend.acquire({ bucket: "12345:add", limit: 50, windowMs: 60_000 });
 * if ("slot" in grant) await backend.release({ bucket: "12345:add", slot: grant.slot, windowMs: 60_000 });
 */
export type RateLimitGrant = { readonly slot: string } | { readonly retryInMs: number };

/**
 * One bucket of a shared budget: `limit` calls per `windowMs` (e.g. `"<orgId>:add"`, 50 per 60,000 ms).
 *
 * @example
 * const request: RateLimitRequest = { bucket: "12345:get", limit: 250, windowMs: 60_000 };
 */
export interface RateLimitRequest {
  readonly bucket: string;
  readonly limit: number;
  readonly windowMs: number;
}

/**
 * Where a shared {@link createRateLimiter} keeps its count, so several processes keep one budget per
 * installation. Both methods must be atomic across every process using the backend. A slot is held from
 * `acquire` until one window after `release` (Desk counts a call on arrival, which is never after its end); a slot
 * never released (its process died) frees itself two windows after it was taken.
 * `@desk/sdk/limiters/redis` has one on Redis; {@link createMemoryRateLimitBackend} is the in-process reference.
 *
 * @example
 * const limiter = createRateLimiter({ backend: createRedisRateLimitBackend({ url }), key: orgId });
 */
export interface RateLimitBackend {
  /** Takes a slot of `bucket` when fewer than `limit` are held; else answers how long until one may free. */
  acquire(request: RateLimitRequest): Promise<RateLimitGrant>;
  /** Marks the call of `slot` ended: the slot stays held for one more window, then frees itself. */
  release(request: {
    readonly bucket: string;
    readonly slot: string;
    readonly windowMs: number;
  }): Promise<void>;
}

/**
 * Options of {@link createMemoryRateLimitBackend}.
 *
 * @example
 * const options: MemoryRateLimitBackendOptions = { now: clock.now };
 */
export interface MemoryRateLimitBackendOptions {
  /** Clock in ms. Default `Date.now`. */
  now?: () => number;
}

/**
 * A {@link RateLimitBackend} in this process's memory: the reference behaviour of a shared backend, for tests and
 * for several limiters in one process. (The default in-memory limiter needs no backend at all.)
 *
 * @example
 * const backend = createMemoryRateLimitBackend();
 * const a = createRateLimiter({ backend, key: "12345" });
 * const b = createRateLimiter({ backend, key: "12345" }); // a and b share the 50 adds per minute of org 12345
 */
export function createMemoryRateLimitBackend(options: MemoryRateLimitBackendOptions = {}): RateLimitBackend {
  const now = options.now ?? Date.now;
  // bucket -> slot -> the time it frees itself
  const buckets = new Map<string, Map<string, number>>();
  let counter = 0;
  return {
    async acquire({ bucket, limit, windowMs }) {
      const time = now();
      const slots = buckets.get(bucket) ?? new Map<string, number>();
      buckets.set(bucket, slots);
      for (const [slot, freesAt] of slots) if (freesAt <= time) slots.delete(slot);
      if (slots.size < limit) {
        const slot = `${++counter}`;
        slots.set(slot, time + 2 * windowMs);
        return { slot };
      }
      return { retryInMs: Math.max(1, Math.min(...slots.values()) - time) };
    },
    async release({ bucket, slot, windowMs }) {
      const slots = buckets.get(bucket);
      if (slots?.has(slot)) slots.set(slot, now() + windowMs);
    },
  };
}
