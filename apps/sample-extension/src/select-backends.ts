import type { InstallationStore, InstallationStoreEncryption, RateLimiterOptions } from "@desk/sdk";
import { createRedisRateLimitBackend } from "@desk/sdk/limiters/redis";
import { createPostgresInstallationStore } from "@desk/sdk/stores/postgres";
import { createSqliteInstallationStore } from "@desk/sdk/stores/sqlite";

/**
 * Where the extension keeps installations and its share of Desk's rate limits.
 *
 * @example
 * const backends: Backends = selectBackends(process.env);
 * console.log(backends.summary); // "installations in SQLite (.data/installations.db), rate limits in memory"
 */
export interface Backends {
  readonly store: InstallationStore;
  /** The `extensionData.rateLimit` option of `createDesk`. */
  readonly rateLimit: true | RateLimiterOptions;
  /** One line for the start-up log (no URL: it may hold a password). */
  readonly summary: string;
  close(): Promise<void>;
}

/**
 * Picks the backends from the environment: one instance by default (SQLite, rate limits in memory), several
 * instances behind a load balancer with both URLs set (PostgreSQL for installations, Redis for the shared rate
 * limits). See docs/deploy.md.
 *   DATABASE_URL   postgres://... : installations in PostgreSQL (default: SQLite at STORE_DB)
 *   REDIS_URL      redis://...    : Desk's per-installation budgets shared through Redis (default: in memory)
 *   STORE_DB       SQLite file, default .data/installations.db
 *   STORE_KEYS     seal securityContexts at rest: `id:base64key`, comma-separated, the first seals (rotation)
 *
 * @example
 * const backends = selectBackends(process.env);
 * await startSampleExtension({ desk: { secret, extensionData: { rateLimit: backends.rateLimit } }, store: backends.store });
 */
export function selectBackends(
  env: Readonly<Record<string, string | undefined>>,
  options: { windowMs?: number } = {},
): Backends {
  const encryption = keysOf(env["STORE_KEYS"]);
  const sealed = encryption ? { encryption } : {};
  const databaseUrl = env["DATABASE_URL"];
  const redisUrl = env["REDIS_URL"];
  const file = env["STORE_DB"] ?? ".data/installations.db";
  const store = databaseUrl
    ? createPostgresInstallationStore({ connectionString: databaseUrl, ...sealed })
    : createSqliteInstallationStore({ database: file, ...sealed });
  const backend = redisUrl ? createRedisRateLimitBackend({ url: redisUrl }) : undefined;
  const windowMs = options.windowMs === undefined ? {} : { windowMs: options.windowMs };
  return {
    store,
    rateLimit: backend ? { backend, ...windowMs } : options.windowMs === undefined ? true : windowMs,
    summary: [
      databaseUrl ? "installations in PostgreSQL" : `installations in SQLite (${file})`,
      encryption ? `sealed with key ${encryption.keys[0]!.id}` : "",
      backend ? "rate limits shared through Redis" : "rate limits in memory",
    ]
      .filter(Boolean)
      .join(", "),
    async close() {
      await Promise.all([store.close(), backend?.close()]);
    },
  };
}

// "id:base64,id:base64" -> keys, the first sealing. The store checks each key and names a bad one.
function keysOf(text: string | undefined): InstallationStoreEncryption | undefined {
  if (!text) return undefined;
  return {
    keys: text.split(",").map((entry) => {
      const at = entry.indexOf(":");
      return { id: entry.slice(0, at).trim(), key: entry.slice(at + 1).trim() };
    }),
  };
}
