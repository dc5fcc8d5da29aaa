import { describe, expect, it } from "vitest";
import { createRateLimiter } from "./rate-limiter.js";

// A fake clock whose sleep moves time forward at once, so nothing really waits.
function fakeClock(start = 1_000_000) {
  let time = start;
  const sleeps: number[] = [];
  return {
    now: () => time,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      time += ms;
    },
    sleeps,
    elapsed: () => time - start,
  };
}

describe("createRateLimiter", () => {
  it("lets a burst of 120 adds through 50 per minute, in order, without failing", async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ now: clock.now, sleep: clock.sleep });
    const grantedAt: number[] = [];
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        limiter.acquire("add").then(() => {
          grantedAt.push(clock.elapsed());
          order.push(i);
        }),
      ),
    );
    expect(order).toEqual(Array.from({ length: 120 }, (_, i) => i));
    expect(grantedAt.filter((t) => t === 0)).toHaveLength(50);
    expect(grantedAt.filter((t) => t === 60_000)).toHaveLength(50);
    expect(grantedAt.filter((t) => t === 120_000)).toHaveLength(20);
    expect(clock.sleeps).toEqual([60_000, 60_000]);
  });

  it("keeps separate budgets: 250 gets and 50 deletes pass at once next to a spent add budget", async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ now: clock.now, sleep: clock.sleep });
    for (let i = 0; i < 50; i++) await limiter.acquire("add");
    for (let i = 0; i < 250; i++) await limiter.acquire("get");
    for (let i = 0; i < 50; i++) await limiter.acquire("delete");
    expect(clock.elapsed()).toBe(0);
    await limiter.acquire("get");
    expect(clock.elapsed()).toBe(60_000);
  });

  it("slides: a slot frees exactly one window after the call that used it", async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ limits: { delete: 2 }, now: clock.now, sleep: clock.sleep });
    await limiter.acquire("delete"); // t=0
    await clock.sleep(30_000);
    await limiter.acquire("delete"); // t=30s
    await limiter.acquire("delete"); // waits for t=60s
    expect(clock.elapsed()).toBe(60_000);
    await limiter.acquire("delete"); // waits for t=90s
    expect(clock.elapsed()).toBe(90_000);
  });

  it("stops waiting when the signal aborts, and the next caller still gets its turn", async () => {
    let time = 0;
    const pending: (() => void)[] = [];
    const limiter = createRateLimiter({
      limits: { add: 1 },
      now: () => time,
      sleep: (_ms, signal) =>
        new Promise((resolve, reject) => {
          pending.push(resolve);
          signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
        }),
    });
    await limiter.acquire("add");
    const controller = new AbortController();
    const aborted = limiter.acquire("add", controller.signal);
    const next = limiter.acquire("add");
    await Promise.resolve();
    controller.abort(new Error("gave up"));
    await expect(aborted).rejects.toThrow("gave up");
    time = 60_000;
    for (const wake of pending.splice(0)) wake();
    await next;
    expect(time).toBe(60_000);
  });
});
