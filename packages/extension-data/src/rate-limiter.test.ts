import { describe, expect, it } from "vitest";
import { createRateLimiter } from "./rate-limiter.js";

// A fake clock whose sleep moves time forward without really waiting, once the work already under way is done.
function fakeClock(start = 1_000_000) {
  let time = start;
  const sleeps: number[] = [];
  return {
    now: () => time,
    sleep: async (ms: number) => {
      await new Promise((resolve) => setImmediate(resolve));
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
    const startedAt: number[] = [];
    const order: number[] = [];
    const results = await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        limiter.schedule("add", async () => {
          startedAt.push(clock.elapsed());
          order.push(i);
          return i * 2;
        }),
      ),
    );
    expect(results).toEqual(Array.from({ length: 120 }, (_, i) => i * 2));
    expect(order).toEqual(Array.from({ length: 120 }, (_, i) => i));
    expect(startedAt.filter((t) => t === 0)).toHaveLength(50);
    expect(startedAt.filter((t) => t === 60_000)).toHaveLength(50);
    expect(startedAt.filter((t) => t === 120_000)).toHaveLength(20);
    expect(clock.sleeps).toEqual([60_000, 60_000]);
  });

  it("keeps separate budgets: 250 gets and 50 deletes pass at once next to a spent add budget", async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ now: clock.now, sleep: clock.sleep });
    const noop = async () => undefined;
    for (let i = 0; i < 50; i++) await limiter.schedule("add", noop);
    for (let i = 0; i < 250; i++) await limiter.schedule("get", noop);
    for (let i = 0; i < 50; i++) await limiter.schedule("delete", noop);
    expect(clock.elapsed()).toBe(0);
    await limiter.schedule("get", noop);
    expect(clock.elapsed()).toBe(60_000);
  });

  it("slides: a slot frees exactly one window after the call that used it ended", async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ limits: { delete: 2 }, now: clock.now, sleep: clock.sleep });
    const noop = async () => undefined;
    await limiter.schedule("delete", noop); // ends at t=0
    await limiter.schedule("delete", () => clock.sleep(30_000)); // ends at t=30s
    await limiter.schedule("delete", noop); // waits for t=60s
    expect(clock.elapsed()).toBe(60_000);
    await limiter.schedule("delete", noop); // waits for t=90s
    expect(clock.elapsed()).toBe(90_000);
  });

  it("counts a running call: with the budget held by calls in flight, the next waits for one to end", async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ limits: { get: 1 }, now: clock.now, sleep: clock.sleep });
    let finish = () => {};
    const slow = limiter.schedule(
      "get",
      () => new Promise<string>((resolve) => (finish = () => resolve("slow"))),
    );
    let secondStarted = false;
    const second = limiter.schedule("get", async () => {
      secondStarted = true;
      return "second";
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(secondStarted).toBe(false);
    await clock.sleep(5_000); // the slow call ends 5 s in, so its slot frees at 65 s
    finish();
    expect(await slow).toBe("slow");
    expect(await second).toBe("second");
    expect(clock.elapsed()).toBe(65_000);
  });

  it("a failed call keeps its slot and its error reaches the caller", async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ limits: { add: 1 }, now: clock.now, sleep: clock.sleep });
    await expect(limiter.schedule("add", () => Promise.reject(new Error("refused")))).rejects.toThrow(
      "refused",
    );
    await limiter.schedule("add", async () => undefined);
    expect(clock.elapsed()).toBe(60_000);
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
    await limiter.schedule("add", async () => undefined);
    const controller = new AbortController();
    let abortedRan = false;
    const aborted = limiter.schedule(
      "add",
      async () => {
        abortedRan = true;
      },
      controller.signal,
    );
    const next = limiter.schedule("add", async () => "next");
    await new Promise((resolve) => setImmediate(resolve));
    controller.abort(new Error("gave up"));
    await expect(aborted).rejects.toThrow("gave up");
    expect(abortedRan).toBe(false);
    time = 60_000;
    for (const wake of pending.splice(0)) wake();
    expect(await next).toBe("next");
  });

  it("regression: an abort while waiting for a running call to end rejects at once (it waited for the call)", async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ limits: { get: 1 }, now: clock.now, sleep: clock.sleep });
    let finish: (value: string) => void = () => undefined;
    const running = limiter.schedule("get", () => new Promise<string>((resolve) => (finish = resolve)));
    const controller = new AbortController();
    let ran = false;
    const waiting = limiter.schedule(
      "get",
      async () => {
        ran = true;
      },
      controller.signal,
    );
    await new Promise((resolve) => setImmediate(resolve));
    controller.abort(new Error("gave up"));
    await expect(waiting).rejects.toThrow("gave up");
    expect(ran).toBe(false);
    finish("done");
    expect(await running).toBe("done");
    expect(clock.elapsed()).toBe(0);
  });
});
