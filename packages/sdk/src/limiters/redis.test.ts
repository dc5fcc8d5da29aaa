import { createRateLimiter } from "@desk/extension-data";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findRedis, type RedisServer, startRedis } from "../../../../test/servers/redis-server.js";
import { createRedisRateLimitBackend } from "./redis.js";

const available = findRedis() !== undefined;
let server: RedisServer | undefined;
beforeAll(async () => {
  if (available) server = await startRedis();
}, 60_000);
afterAll(() => server?.stop(), 60_000);

if (available) {
  describe("createRedisRateLimitBackend", () => {
    it("three limiters on three connections (three processes) keep one budget per window", async () => {
      const windowMs = 1_000;
      const backends = Array.from({ length: 3 }, () =>
        createRedisRateLimitBackend({ url: server!.url, prefix: "shared" }),
      );
      const limiters = backends.map((backend) =>
        createRateLimiter({ backend, key: "12345", limits: { add: 5 }, windowMs }),
      );
      const starts: number[] = [];
      await Promise.all(
        Array.from({ length: 18 }, (_, i) =>
          limiters[i % 3]!.schedule("add", async () => {
            starts.push(Date.now());
            await new Promise((resolve) => setTimeout(resolve, 5));
          }),
        ),
      );
      starts.sort((a, b) => a - b);
      // Redis's clock has whole milliseconds: allow 2 ms of rounding at the window's edge.
      for (const start of starts) {
        expect(starts.filter((t) => t >= start && t < start + windowMs - 2).length).toBeLessThanOrEqual(5);
      }
      expect(starts.at(-1)! - starts[0]!).toBeGreaterThanOrEqual(3 * (windowMs - 2));
      await Promise.all(backends.map((backend) => backend.close()));
    });

    it("keeps installations and kinds apart, and lets a slot never released free itself after two windows", async () => {
      const backend = createRedisRateLimitBackend({ url: server!.url, prefix: "apart" });
      const request = { limit: 1, windowMs: 400 };
      const held = await backend.acquire({ bucket: "1:add", ...request });
      expect(held).toHaveProperty("slot");
      expect(await backend.acquire({ bucket: "2:add", ...request })).toHaveProperty("slot");
      expect(await backend.acquire({ bucket: "1:get", ...request })).toHaveProperty("slot");
      const refused = await backend.acquire({ bucket: "1:add", ...request });
      expect(refused).toHaveProperty("retryInMs");
      expect((refused as { retryInMs: number }).retryInMs).toBeGreaterThan(0);
      expect((refused as { retryInMs: number }).retryInMs).toBeLessThanOrEqual(800);
      // The holder "died" (no release): the slot frees two windows after it was taken.
      await new Promise((resolve) => setTimeout(resolve, (refused as { retryInMs: number }).retryInMs + 20));
      expect(await backend.acquire({ bucket: "1:add", ...request })).toHaveProperty("slot");
      await backend.close();
    });

    it("keys expire by themselves and live under the prefix", async () => {
      const client = new Redis(server!.url);
      const backend = createRedisRateLimitBackend({ client, prefix: "ttl" });
      const grant = await backend.acquire({ bucket: "9:delete", limit: 50, windowMs: 60_000 });
      if (!("slot" in grant)) throw new Error("expected a slot");
      await backend.release({ bucket: "9:delete", slot: grant.slot, windowMs: 60_000 });
      expect(await client.keys("ttl:*")).toEqual(["ttl:9:delete"]);
      const ttl = await client.pttl("ttl:9:delete");
      expect(ttl).toBeGreaterThan(60_000);
      expect(ttl).toBeLessThanOrEqual(121_000);
      await backend.close();
      expect(await client.ping()).toBe("PONG");
      await client.quit();
    });
  });
} else {
  it.skip("redis limiter: redis-server is not installed (apt-get install redis-server)", () => {});
}
