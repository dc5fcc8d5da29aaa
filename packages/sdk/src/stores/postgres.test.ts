import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  findPostgres,
  type PostgresServer,
  startPostgres,
} from "../../../../test/servers/postgres-server.js";
import { SdkOptionsError } from "../errors/sdk-options-error.js";
import { describeInstallationStore } from "../testing/describe-installation-store.js";
import { createPostgresInstallationStore } from "./postgres.js";

const available = findPostgres() !== undefined;
let server: PostgresServer | undefined;
let admin: pg.Pool;
let count = 0;
beforeAll(async () => {
  if (!available) return;
  server = await startPostgres();
  admin = new pg.Pool({ connectionString: server.url, max: 2 });
}, 120_000);
afterAll(async () => {
  await admin?.end();
  await server?.stop();
}, 60_000);

// Every row of the store's two tables, as the database holds them.
async function dump(table: string): Promise<string> {
  const rows = await admin.query(`SELECT * FROM ${table}`);
  const tombstones = await admin.query(`SELECT * FROM ${table}_tombstones`);
  return JSON.stringify([rows.rows, tombstones.rows]);
}

if (available) {
  describeInstallationStore("postgres (a pool of its own per store)", (options) => {
    const table = `conformance_${++count}`;
    const open = (again: typeof options) =>
      createPostgresInstallationStore({ connectionString: server!.url, table, ...again });
    return { store: open(options), readRaw: () => dump(table), reopen: open };
  });

  describe("createPostgresInstallationStore", () => {
    it("uses a pool it is given and leaves it open; stores starting together create the tables once", async () => {
      const pool = new pg.Pool({ connectionString: server!.url, max: 4 });
      const stores = Array.from({ length: 4 }, () =>
        createPostgresInstallationStore({ pool, table: "together" }),
      );
      expect(
        await Promise.all(
          stores.map((store, i) => store.save({ orgId: `${i}`, securityContext: `sc-${i}` })),
        ),
      ).toEqual([true, true, true, true]);
      await Promise.all(stores.map((store) => store.close()));
      expect((await pool.query("SELECT count(*)::int AS n FROM together")).rows).toEqual([{ n: 4 }]);
      await pool.end();
    });

    it("refuses neither pool nor connectionString, naming connectionString", () => {
      expect(() => createPostgresInstallationStore({})).toThrow(SdkOptionsError);
      try {
        createPostgresInstallationStore({});
      } catch (error) {
        expect(error).toMatchObject({ field: "connectionString", rule: "required" });
      }
    });
  });
} else {
  it.skip("postgres store: PostgreSQL is not installed (apt-get install postgresql)", () => {});
}
