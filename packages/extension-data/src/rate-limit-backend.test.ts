import { describe, expect, it } from "vitest";
import { ExtensionDataValidationError } from "./errors/validation-error.js";
import { createMemoryRateLimitBackend } from "./rate-limit-backend.js";
import { createRateLimiter } from "./rate-limiter.js";

// A fake clock whose sleep moves time forward without really waiting, once the work already under way is done.
function fakeClock(start = 1_000_000) {
  let time = start;
  return {
    now: () => time,
    sleep: async (ms: number, signal?: AbortSignal) => {
      await new Promise((resolve) => setImmediate(resolve));
      signal?.throwIfAborted();
      time += ms;
    },
    elapsed: () => time - start,
  };
}

describe("createRateLimiter with a shared backend", () => {
  it("two limiters on one backend and key keep one budget: 120 adds from both pass 50 per window", async () => {
    const clock = fakeClock();
    const backend = createMemoryRateLimitBackend({ now: clock.now });
    const a = createRateLimiter({ backend, key: "12345", now: clock.now, sleep: clock.sleep });
    const b = createRateLimiter({ backend, key: "12345", now: clock.now, sleep: clock.sleep });
    const startedAt: number[] = [];
    const calls = Array.from({ length: 120 }, (_, i) =>
      (i % 2 ? a : b).schedule("add", async () => {
        startedAt.push(clock.elapsed());
        return i;
      }),
    );
    expect(await Promise.all(calls)).toEqual(Array.from({ length: 120 }, (_, i) => i));
    // Whatever the interleaving, no window of 60 s holds more than 50 starts.
    for (const start of startedAt) {
      expect(startedAt.filter((t) => t >= start && t < start + 60_000).length).toBeLessThanOrEqual(50);
    }
    expect(startedAt.filter((t) => t === 0)).toHaveLength(50);
  });

  it("keeps budgets apart per key and per kind", async () => {
    const clock = fakeClock();
    const backend = createMemoryRateLimitBackend({ now: clock.now });
    const org1 = createRateLimiter({ backend, key: "1", now: clock.now, sleep: clock.sleep });
    const org2 = createRateLimiter({ backend, key: "2", now: clock.now, sleep: clock.sleep });
    const noop = async () => undefined;
    for (let i = 0; i < 50; i++) await org1.schedule("add", noop);
    for (let i = 0; i < 50; i++) await org2.schedule("add", noop);
    for (let i = 0; i < 250; i++) await org1.schedule("get", noop);
    expect(clock.elapsed()).toBe(0);
    await org1.schedule("add", noop);
    expect(clock.elapsed()).toBeGreaterThanOrEqual(60_000);
  });

  it("holds a slot until one window after its call ended (Desk counts on arrival, never after the end)", async () => {
    const clock = fakeClock();
    const backend = createMemoryRateLimitBackend({ now: clock.now });
    const limiter = createRateLimiter({
      backend,
      key: "7",
      limits: { delete: 1 },
      now: clock.now,
      sleep: clock.sleep,
    });
    await limiter.schedule("delete", () => clock.sleep(30_000)); // ends at 30 s
    await limiter.schedule("delete", async () => undefined);
    expect(clock.elapsed()).toBeGreaterThanOrEqual(90_000);
    expect(clock.elapsed()).toBeLessThan(90_000 + 3_001); // one poll (a twentieth of the window) at most late
  });

  it("frees a slot never released (its process died) two windows after it was taken", async () => {
    const clock = fakeClock();
    const backend = createMemoryRateLimitBackend({ now: clock.now });
    const grant = await backend.acquire({ bucket: "9:add", limit: 1, windowMs: 60_000 });
    expect(grant).toHaveProperty("slot");
    expect(await backend.acquire({ bucket: "9:add", limit: 1, windowMs: 60_000 })).toEqual({
      retryInMs: 120_000,
    });
    const limiter = createRateLimiter({
      backend,
      key: "9",
      limits: { add: 1 },
      now: clock.now,
      sleep: clock.sleep,
    });
    await limiter.schedule("add", async () => undefined);
    expect(clock.elapsed()).toBe(120_000);
  });

  it("rejects a wait at once when the signal aborts, and sends nothing", async () => {
    const clock = fakeClock();
    const backend = createMemoryRateLimitBackend({ now: clock.now });
    const limiter = createRateLimiter({
      backend,
      key: "5",
      limits: { get: 1 },
      now: clock.now,
      sleep: clock.sleep,
    });
    await limiter.schedule("get", async () => undefined);
    const controller = new AbortController();
    let ran = false;
    const waiting = limiter.schedule(
      "get",
      async () => {
        ran = true;
      },
      controller.signal,
    );
    controller.abort(new Error("stop"));
    await expect(waiting).rejects.toThrow("stop");
    expect(ran).toBe(false);
  });

  it("regression: a backend without a key is refused, naming key", () => {
    const backend = createMemoryRateLimitBackend();
    let caught: unknown;
    try {
      createRateLimiter({ backend });
    } catch (error) {
      caught = error;
    }
    expect(ExtensionDataValidationError.isInstance(caught)).toBe(true);
    expect(caught).toMatchObject({ field: "key", rule: "required" });
  });
});
