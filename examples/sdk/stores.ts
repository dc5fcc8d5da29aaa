// An installation store and Desk's rate limits for several instances: PostgreSQL and Redis when their URLs are
// set, SQLite and limits in memory otherwise; securityContexts sealed at rest with the key in STORE_KEY.
import { createDesk, type InstallationStore, type RateLimiterOptions } from "@desk/sdk";
import { createRedisRateLimitBackend } from "@desk/sdk/limiters/redis";
import { createPostgresInstallationStore } from "@desk/sdk/stores/postgres";
import { createSqliteInstallationStore } from "@desk/sdk/stores/sqlite";

// #region stores
const encryption = { keys: [{ id: "2026-12", key: process.env.STORE_KEY! }] }; // 32 bytes, base64
const store: InstallationStore = process.env.DATABASE_URL
  ? createPostgresInstallationStore({ connectionString: process.env.DATABASE_URL, encryption })
  : createSqliteInstallationStore({ database: "./data/installations.db", encryption });

const backend = process.env.REDIS_URL
  ? createRedisRateLimitBackend({ url: process.env.REDIS_URL })
  : undefined;
const rateLimit: true | RateLimiterOptions = backend ? { backend } : true; // one budget per org, all instances
const desk = createDesk({ secret: process.env.DESK_SECRET!, extensionData: { rateLimit } });
// #endregion stores

// #region uninstall-wins
await store.save({ orgId: "12345", securityContext: "sc-first" });
await store.delete("12345", { securityContext: "sc-first" }); // the uninstall callback
await store.save({ orgId: "12345", securityContext: "sc-first" }); // false: a late install is refused
await store.save({ orgId: "12345", securityContext: "sc-second" }); // true: a reinstall
// #endregion uninstall-wins

const installation = await store.get("12345");
console.log(installation?.securityContext, desk.installation(installation!).client.orgId);
await Promise.all([store.close(), backend?.close()]);
