import { describe, expect, it } from "vitest";
import {
  createRateLimiter,
  createStorage,
  ExtensionDataApiError,
  ExtensionDataRateLimitError,
} from "../src/index.js";
import { startHarness } from "./helpers.js";

describe("storage rate limits (spec 2.1: 50 adds per minute)", () => {
  it("without the limiter, the 51st add in a minute is an ExtensionDataRateLimitError with Retry-After", async () => {
    const start = Date.UTC(2025, 0, 1);
    const h = await startHarness({ now: () => start }, { retry: 0 });
    try {
      const storage = createStorage(h.client);
      for (let i = 0; i < 50; i++) await storage.set(`k:${i}`, { i });
      const set = storage.set("k:50", { i: 50 });
      await expect(set).rejects.toBeInstanceOf(ExtensionDataRateLimitError);
      await expect(set).rejects.toBeInstanceOf(ExtensionDataApiError);
      await expect(set).rejects.toMatchObject({
        status: 429,
        operation: "storage.set",
        retryAfterSeconds: 60,
        message: expect.stringMatching(/^@desk\/extension-data: storage\.set failed with status 429/),
      });
    } finally {
      await h.close();
    }
  });

  it("a get refused with 429 is retried by invoke-core, then an ExtensionDataRateLimitError", async () => {
    const start = Date.UTC(2025, 0, 1);
    // Retry-After is cut to 0 ms so the retries happen at once; the emulator's clock stands still, so they fail too.
    let attempts = 0;
    const h = await startHarness(
      { now: () => start, rateLimits: { get: 2 } },
      {
        retry: { limit: 2, maxRetryAfter: 0 },
        fetch: (input, init) => {
          attempts++;
          return fetch(input, init);
        },
      },
    );
    try {
      const storage = createStorage(h.client);
      expect(await storage.get("a")).toBeUndefined();
      expect(await storage.get("b")).toBeUndefined();
      const get = storage.get("c");
      await expect(get).rejects.toBeInstanceOf(ExtensionDataRateLimitError);
      await expect(get).rejects.toMatchObject({
        status: 429,
        operation: "storage.get",
        retryAfterSeconds: 60,
      });
      expect(attempts).toBe(2 + 3); // the third get: the first attempt and two retries
    } finally {
      await h.close();
    }
  });

  it("with the limiter on a fake clock, a burst of 120 adds waits its turn instead of failing", async () => {
    // One fake clock drives both the emulator and the limiter; the limiter's sleep moves it once the calls in flight
    // are answered, so nothing really waits.
    let time = Date.UTC(2025, 0, 1);
    const start = time;
    const sleeps: number[] = [];
    const h = await startHarness({ now: () => time }, { retry: 0 });
    try {
      const limiter = createRateLimiter({
        now: () => time,
        sleep: async (ms) => {
          await h.client.idle();
          sleeps.push(ms);
          time += ms;
        },
      });
      const storage = createStorage(h.client, { rateLimit: limiter });
      const results = await Promise.all(
        Array.from({ length: 120 }, (_, i) => storage.set(`burst:${i}`, { i }, { queriableValue: "burst" })),
      );
      expect(results.map((r) => r.value)).toEqual(Array.from({ length: 120 }, (_, i) => ({ i })));
      expect(sleeps).toEqual([60_000, 60_000]);
      expect(time - start).toBe(120_000);

      const keys: string[] = [];
      for await (const item of storage.iterate({ queriableValue: "burst" })) keys.push(item.key);
      expect(keys).toHaveLength(120);
    } finally {
      await h.close();
    }
  });

  it("the limiter also spaces deletes (50 per minute) and leaves gets alone", async () => {
    let time = Date.UTC(2025, 0, 1);
    const h = await startHarness(
      { now: () => time, rateLimits: { add: 1000, delete: 50, get: 250 } },
      { retry: 0 },
    );
    try {
      const limiter = createRateLimiter({
        now: () => time,
        sleep: async (ms) => {
          await h.client.idle();
          time += ms;
        },
      });
      const storage = createStorage(h.client, { rateLimit: limiter });
      await storage.setMany(Array.from({ length: 60 }, (_, i) => ({ key: `d:${i}`, value: {} })));
      const before = time;
      const deleted = await Promise.all(Array.from({ length: 60 }, (_, i) => storage.delete(`d:${i}`)));
      expect(deleted.every(Boolean)).toBe(true);
      expect(time - before).toBe(60_000);
      const gets = await Promise.all(Array.from({ length: 60 }, (_, i) => storage.get(`d:${i}`)));
      expect(gets.every((value) => value === undefined)).toBe(true);
      expect(time - before).toBe(60_000);
    } finally {
      await h.close();
    }
  });
});
