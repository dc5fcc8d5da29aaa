import { RATE_LIMIT_WINDOW_MS } from "../constants.js";

/** The buckets limited per installation. */
export type RateBucket = "add" | "get" | "delete" | "invoke" | "log";

/** Sliding one-minute window per (installation, bucket) on the emulator's clock. */
export class RateLimiter {
  readonly #limits: Readonly<Partial<Record<RateBucket, number>>>;
  readonly #now: () => number;
  readonly #hits = new Map<string, number[]>();

  constructor(limits: Readonly<Partial<Record<RateBucket, number>>>, now: () => number) {
    this.#limits = limits;
    this.#now = now;
  }

  /** Counts one call; answers the seconds to wait (Retry-After) when the limit is already reached, else 0. */
  take(installationId: string, bucket: RateBucket): number {
    const limit = this.#limits[bucket];
    if (limit === undefined) return 0;
    const now = this.#now();
    const id = `${installationId}\u0000${bucket}`;
    const hits = (this.#hits.get(id) ?? []).filter((time) => time > now - RATE_LIMIT_WINDOW_MS);
    if (hits.length >= limit) {
      this.#hits.set(id, hits);
      return Math.max(1, Math.ceil((hits[0]! + RATE_LIMIT_WINDOW_MS - now) / 1000));
    }
    hits.push(now);
    this.#hits.set(id, hits);
    return 0;
  }

  /** Forgets an installation (uninstall). */
  forget(installationId: string): void {
    for (const id of this.#hits.keys()) if (id.startsWith(`${installationId}\u0000`)) this.#hits.delete(id);
  }
}
