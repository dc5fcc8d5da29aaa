// @desk/sdk/limiters/redis: Desk's per-installation storage budgets shared across processes through Redis (ioredis).
import { randomUUID } from "node:crypto";
import type { RateLimitBackend } from "@desk/extension-data";
import type { Redis } from "ioredis";
import { checkPrefix, redisConnection } from "../redis/redis-connection.js";
import { redisScript } from "../redis/redis-script.js";

/**
 * Options of {@link createRedisRateLimitBackend}. Give `client` or `url`.
 *
 * @example
 * const options: RedisRateLimitBackendOptions = { url: process.env.REDIS_URL! };
 */
export interface RedisRateLimitBackendOptions {
  /** An ioredis client the backend uses (left open by `close`). */
  client?: Redis;
  /** Or a redis:// URL: the backend opens a client of its own (closed by `close`). */
  url?: string;
  /** Start of every key: `<prefix>:<orgId>:<kind>`, a sorted set of held slots. Default "desk:ratelimit". */
  prefix?: string;
}

// Redis's own clock, so processes on machines whose clocks differ still agree on the window.
const NOW = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

// KEYS: the bucket. ARGV: limit, windowMs, slot. Answers {1, 0} with the slot taken, or {0, ms until one frees}.
const acquire = redisScript(`${NOW}
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('ZADD', KEYS[1], now + 2 * window, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], 2 * window + 1000)
  return {1, 0}
end
local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {0, math.max(1, tonumber(first[2]) - now)}`);

// KEYS: the bucket. ARGV: slot, windowMs. The slot now frees one window after this moment.
const release = redisScript(`${NOW}
if redis.call('ZSCORE', KEYS[1], ARGV[1]) then
  redis.call('ZADD', KEYS[1], 'XX', now + tonumber(ARGV[2]), ARGV[1])
end
return 1`);

/**
 * A {@link RateLimitBackend} on Redis: every process acting for an installation takes its storage calls' slots
 * from one sorted set per installation and kind, in one Lua script each (atomic on the server, timed by the
 * server's clock). A slot is held from the call's start until one window after its end; a process that dies
 * mid-call frees its slots two windows after it took them. Keys expire by themselves.
 *
 * @throws {SdkOptionsError} for a malformed prefix, or neither `client` nor `url`.
 * @example
 * import { createDesk } from "@desk/sdk";
 * import { createRedisRateLimitBackend } from "@desk/sdk/limiters/redis";
 *
 * const backend = createRedisRateLimitBackend({ url: process.env.REDIS_URL! });
 * const desk = createDesk({ secret, extensionData: { rateLimit: { backend } } }); // one budget per org, all processes
 */
export function createRedisRateLimitBackend(
  options: RedisRateLimitBackendOptions,
): RateLimitBackend & { close(): Promise<void> } {
  const prefix = checkPrefix(options.prefix ?? "desk:ratelimit");
  const connection = redisConnection(options);
  return {
    async acquire({ bucket, limit, windowMs }) {
      const slot = randomUUID();
      const [granted, wait] = (await acquire(
        connection.get(),
        [`${prefix}:${bucket}`],
        [limit, windowMs, slot],
      )) as [number, number];
      return granted === 1 ? { slot } : { retryInMs: wait };
    },
    async release({ bucket, slot, windowMs }) {
      await release(connection.get(), [`${prefix}:${bucket}`], [slot, windowMs]);
    },
    close: () => connection.close(),
  };
}
