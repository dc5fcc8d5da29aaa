// @desk/sdk/stores/postgres: installations in PostgreSQL through pg (an optional peer dependency).
import pg from "pg";
import { SdkOptionsError } from "../errors/sdk-options-error.js";
import type { InstallationStore } from "../installation-store.js";
import { createInstallationStore, type InstallationStoreOptions } from "./create-installation-store.js";
import type { InstallationRow } from "./installation-rows.js";
import { checkTableName } from "./table-name.js";

/**
 * Options of {@link createPostgresInstallationStore}. Give `pool` or `connectionString`.
 *
 * @example
 * const options: PostgresInstallationStoreOptions = { connectionString: process.env.DATABASE_URL! };
 */
export interface PostgresInstallationStoreOptions extends InstallationStoreOptions {
  /** A pg `Pool` the store uses (left open by `close`). */
  pool?: pg.Pool;
  /** Or a connection string: the store opens a pool of its own (closed by `close`). */
  connectionString?: string;
  /** Table name; the tombstones go in `<table>_tombstones`. Default "desk_installations". */
  table?: string;
}

interface SqlRow {
  org_id: string;
  security_context: string;
  key_id: string | null;
  digest: string;
}

const toRow = (row: SqlRow): InstallationRow => ({
  orgId: row.org_id,
  securityContext: row.security_context,
  keyId: row.key_id,
  digest: row.digest,
});

/**
 * An installation store in PostgreSQL, for several processes or machines. Saves and deletes of one org run one at
 * a time (a transaction-scoped advisory lock per org), so an uninstall and a late install cannot interleave.
 * Creates its tables on first use (under an advisory lock, so instances starting together do not collide).
 *
 * @throws {SdkOptionsError} for a malformed table name or key, or neither `pool` nor `connectionString`.
 * @example
 * import { createPostgresInstallationStore } from "@desk/sdk/stores/postgres";
 *
 * const store = createPostgresInstallationStore({ connectionString: process.env.DATABASE_URL! });
 * await store.save({ orgId: event.orgId, securityContext: event.securityContext });
 */
export function createPostgresInstallationStore(
  options: PostgresInstallationStoreOptions,
): InstallationStore {
  const table = checkTableName(options.table ?? "desk_installations");
  const tombstones = `${table}_tombstones`;
  if (!options.pool && typeof options.connectionString !== "string") {
    throw new SdkOptionsError({
      field: "connectionString",
      rule: "required",
      message: "or pool must be given",
    });
  }
  let pool: pg.Pool | undefined;
  let ready: Promise<pg.Pool> | undefined;

  const connect = () =>
    (ready ??= (async () => {
      pool = options.pool ?? new pg.Pool({ connectionString: options.connectionString });
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`@desk/sdk ${table}`]);
        await client.query(`
          CREATE TABLE IF NOT EXISTS ${table} (
            org_id TEXT COLLATE "C" PRIMARY KEY, security_context TEXT NOT NULL, key_id TEXT, digest TEXT NOT NULL,
            saved_at TIMESTAMPTZ NOT NULL DEFAULT now());
          CREATE TABLE IF NOT EXISTS ${tombstones} (
            org_id TEXT NOT NULL, digest TEXT NOT NULL, deleted_at TIMESTAMPTZ NOT NULL DEFAULT now(),
            PRIMARY KEY (org_id, digest));`);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        ready = undefined;
        throw error;
      } finally {
        client.release();
      }
      return pool;
    })());

  // One org's writes in a transaction holding that org's advisory lock.
  const locked = async <T>(orgId: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await (await connect()).connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))", [table, orgId]);
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };

  return createInstallationStore(
    {
      put: (row) =>
        locked(row.orgId, async (client) => {
          const buried = await client.query(`SELECT 1 FROM ${tombstones} WHERE org_id = $1 AND digest = $2`, [
            row.orgId,
            row.digest,
          ]);
          if (buried.rowCount) return false;
          await client.query(
            `INSERT INTO ${table} (org_id, security_context, key_id, digest) VALUES ($1, $2, $3, $4)
             ON CONFLICT (org_id) DO UPDATE SET security_context = excluded.security_context,
               key_id = excluded.key_id, digest = excluded.digest, saved_at = now()`,
            [row.orgId, row.securityContext, row.keyId, row.digest],
          );
          return true;
        }),
      async get(orgId) {
        const result = await (await connect()).query<SqlRow>(
          `SELECT org_id, security_context, key_id, digest FROM ${table} WHERE org_id = $1`,
          [orgId],
        );
        return result.rows[0] && toRow(result.rows[0]);
      },
      remove: (orgId, digest) =>
        locked(orgId, async (client) => {
          const removed = await client.query<{ digest: string }>(
            `DELETE FROM ${table} WHERE org_id = $1 RETURNING digest`,
            [orgId],
          );
          const digests = [...new Set([digest, removed.rows[0]?.digest].filter((d) => d !== undefined))];
          for (const known of digests) {
            await client.query(
              `INSERT INTO ${tombstones} (org_id, digest) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
              [orgId, known],
            );
          }
          return (removed.rowCount ?? 0) > 0;
        }),
      async page(after, limit) {
        const result = await (await connect()).query<SqlRow>(
          `SELECT org_id, security_context, key_id, digest FROM ${table} WHERE org_id > $1 ORDER BY org_id LIMIT $2`,
          [after ?? "", limit],
        );
        return result.rows.map(toRow);
      },
      async close() {
        const own = !options.pool && pool;
        ready = undefined;
        pool = undefined;
        if (own) await own.end();
      },
    },
    options,
  );
}
