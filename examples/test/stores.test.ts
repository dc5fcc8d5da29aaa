// The @desk/sdk README's store example, run as written: SQLite with limits in memory, then PostgreSQL and Redis.
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { findPostgres, startPostgres } from "../../test/servers/postgres-server.js";
import { findRedis, startRedis } from "../../test/servers/redis-server.js";
import { example, runExample, tempFolder } from "./harness.js";

// The README's conformance example registers its suite here, as it would in an adapter's own test run.
await import(example("sdk/conformance.test.ts"));

const STORE_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
const env = { STORE_KEY, DESK_SECRET: "stores-example-secret" };
const cleanups: (() => unknown)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
}, 60_000);

describe("@desk/sdk README: installation stores", () => {
  it("SQLite by default: the reinstall is kept, the late install refused, nothing in clear on disk", async () => {
    const folder = tempFolder();
    cleanups.push(folder.remove);
    const result = await runExample(example("sdk/stores.ts"), { cwd: folder.path, env });
    expect(result).toEqual({ code: 0, stdout: "sc-second 12345\n", stderr: "" });
    const db = new Database(`${folder.path}/data/installations.db`, { readonly: true });
    const rows = JSON.stringify(db.prepare("SELECT * FROM desk_installations").all());
    db.close();
    expect(rows).toContain('"key_id":"2026-12"');
    expect(rows).not.toContain("sc-second");
  });

  const servers = findPostgres() !== undefined && findRedis() !== undefined;
  it.runIf(servers)(
    "PostgreSQL and Redis when DATABASE_URL and REDIS_URL are set",
    async () => {
      const [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
      cleanups.push(() => Promise.all([postgres.stop(), redis.stop()]));
      const folder = tempFolder();
      cleanups.push(folder.remove);
      const result = await runExample(example("sdk/stores.ts"), {
        cwd: folder.path,
        env: { ...env, DATABASE_URL: postgres.url, REDIS_URL: redis.url },
      });
      expect(result).toEqual({ code: 0, stdout: "sc-second 12345\n", stderr: "" });
    },
    120_000,
  );
});
