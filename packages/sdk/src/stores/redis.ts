// @desk/sdk/stores/redis: installations in Redis through ioredis (an optional peer dependency).
import type { Redis } from "ioredis";
import type { InstallationStore } from "../installation-store.js";
import { checkPrefix, redisConnection } from "../redis/redis-connection.js";
import { redisScript } from "../redis/redis-script.js";
import { createInstallationStore, type InstallationStoreOptions } from "./create-installation-store.js";
import type { InstallationRow } from "./installation-rows.js";

/**
 * Options of {@link createRedisInstallationStore}. Give `client` or `url`.
 *
 * @example
 * const options: RedisInstallationStoreOptions = { url: process.env.REDIS_URL!, prefix: "myext:installations" };
 */
export interface RedisInstallationStoreOptions extends InstallationStoreOptions {
  /** An ioredis client the store uses (left open by `close`). */
  client?: Redis;
  /** Or a redis:// URL: the store opens a client of its own (closed by `close`). */
  url?: string;
  /** Start of every key: `<prefix>:org:<orgId>` (a hash), `<prefix>:index`, `<prefix>:tomb:<orgId>`. Default "desk:installations". */
  prefix?: string;
}

// KEYS: row, index, tombstones. ARGV: orgId, securityContext, keyId ("" = none), digest.
const put = redisScript(`
if redis.call('SISMEMBER', KEYS[3], ARGV[4]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'c', ARGV[2], 'k', ARGV[3], 'd', ARGV[4])
redis.call('ZADD', KEYS[2], 0, ARGV[1])
return 1`);

// KEYS: row, index, tombstones. ARGV: orgId, digest of the uninstall ("" = none).
const remove = redisScript(`
if ARGV[2] ~= '' then redis.call('SADD', KEYS[3], ARGV[2]) end
local digest = redis.call('HGET', KEYS[1], 'd')
if not digest then return 0 end
redis.call('SADD', KEYS[3], digest)
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], ARGV[1])
return 1`);

// KEYS: index. ARGV: lex range start, limit, row key prefix. Flat answer: orgId, securityContext, keyId, digest, ...
const page = redisScript(`
local ids = redis.call('ZRANGEBYLEX', KEYS[1], ARGV[1], '+', 'LIMIT', 0, ARGV[2])
local out = {}
for _, id in ipairs(ids) do
  local row = redis.call('HMGET', ARGV[3] .. id, 'c', 'k', 'd')
  if row[1] then
    out[#out + 1] = id
    out[#out + 1] = row[1]
    out[#out + 1] = row[2]
    out[#out + 1] = row[3]
  end
end
return out`);

const rowOf = (orgId: string, securityContext: string, keyId: string, digest: string): InstallationRow => ({
  orgId,
  securityContext,
  keyId: keyId === "" ? null : keyId,
  digest,
});

/**
 * An installation store in Redis, for several processes or machines. Every write is one Lua script (atomic on the
 * server), so an uninstall and a late install cannot interleave. Installations are kept without expiry: run Redis
 * with persistence (AOF or RDB) when it is the store of record. One Redis, not Redis Cluster (the page script reads
 * the rows of the index it walks).
 *
 * @throws {SdkOptionsError} for a malformed prefix or key, or neither `client` nor `url`.
 * @example
 * import { createRedisInstallationStore } from "@desk/sdk/stores/redis";
 *
 * const store = createRedisInstallationStore({ url: process.env.REDIS_URL! });
 * await store.save({ orgId: event.orgId, securityContext: event.securityContext });
 */
export function createRedisInstallationStore(options: RedisInstallationStoreOptions): InstallationStore {
  const prefix = checkPrefix(options.prefix ?? "desk:installations");
  const connection = redisConnection(options);
  const keys = (orgId: string) => [`${prefix}:org:${orgId}`, `${prefix}:index`, `${prefix}:tomb:${orgId}`];

  return createInstallationStore(
    {
      put: async (row) =>
        (await put(connection.get(), keys(row.orgId), [
          row.orgId,
          row.securityContext,
          row.keyId ?? "",
          row.digest,
        ])) === 1,
      async get(orgId) {
        const [securityContext, keyId, digest] = await connection
          .get()
          .hmget(`${prefix}:org:${orgId}`, "c", "k", "d");
        return securityContext == null ? undefined : rowOf(orgId, securityContext, keyId ?? "", digest ?? "");
      },
      remove: async (orgId, digest) =>
        (await remove(connection.get(), keys(orgId), [orgId, digest ?? ""])) === 1,
      async page(after, limit) {
        const start = after === undefined ? "-" : `(${after}`;
        const flat = (await page(
          connection.get(),
          [`${prefix}:index`],
          [start, limit, `${prefix}:org:`],
        )) as string[];
        const rows: InstallationRow[] = [];
        for (let i = 0; i < flat.length; i += 4)
          rows.push(rowOf(flat[i]!, flat[i + 1]!, flat[i + 2]!, flat[i + 3]!));
        return rows;
      },
      close: () => connection.close(),
    },
    options,
  );
}
