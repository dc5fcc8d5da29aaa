// @desk/sdk/stores/sqlite: installations in SQLite through better-sqlite3 (an optional peer dependency).
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type { InstallationStore } from "../installation-store.js";
import { createInstallationStore, type InstallationStoreOptions } from "./create-installation-store.js";
import type { InstallationRow } from "./installation-rows.js";
import { checkTableName } from "./table-name.js";

/**
 * Options of {@link createSqliteInstallationStore}.
 *
 * @example
 * const options: SqliteInstallationStoreOptions = { database: "./data/desk.db", encryption: { keys } };
 */
export interface SqliteInstallationStoreOptions extends InstallationStoreOptions {
  /** A file path (opened, its folder made if missing, closed by `close`), or an open better-sqlite3 database (left open). */
  database: string | Database.Database;
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
 * An installation store in SQLite: one file, safe for several processes on one machine (writes take SQLite's
 * write lock first, WAL mode lets reads go on). Creates its tables on first use.
 *
 * @throws {SdkOptionsError} for a malformed table name or key.
 * @example
 * import { createSqliteInstallationStore } from "@desk/sdk/stores/sqlite";
 *
 * const store = createSqliteInstallationStore({ database: "./data/desk.db" });
 * await store.save({ orgId: event.orgId, securityContext: event.securityContext });
 */
export function createSqliteInstallationStore(options: SqliteInstallationStoreOptions): InstallationStore {
  const table = checkTableName(options.table ?? "desk_installations");
  const tombstones = `${table}_tombstones`;
  let opened: ReturnType<typeof prepare> | undefined;

  function prepare() {
    const owned = typeof options.database === "string";
    // Like the file store, a missing folder is made (":memory:" and "" name no file).
    if (owned && options.database !== ":memory:" && options.database !== "") {
      mkdirSync(dirname(options.database as string), { recursive: true });
    }
    const db = owned ? new Database(options.database as string) : (options.database as Database.Database);
    if (owned) {
      db.pragma("journal_mode = WAL");
      db.pragma("busy_timeout = 5000");
    }
    db.exec(`
      CREATE TABLE IF NOT EXISTS ${table} (
        org_id TEXT PRIMARY KEY, security_context TEXT NOT NULL, key_id TEXT, digest TEXT NOT NULL,
        saved_at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS ${tombstones} (
        org_id TEXT NOT NULL, digest TEXT NOT NULL, deleted_at INTEGER NOT NULL, PRIMARY KEY (org_id, digest));`);
    const tombstoned = db.prepare(`SELECT 1 FROM ${tombstones} WHERE org_id = ? AND digest = ?`);
    const upsert = db.prepare(
      `INSERT INTO ${table} (org_id, security_context, key_id, digest, saved_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (org_id) DO UPDATE SET security_context = excluded.security_context, key_id = excluded.key_id,
         digest = excluded.digest, saved_at = excluded.saved_at`,
    );
    const select = db.prepare<[string], SqlRow>(
      `SELECT org_id, security_context, key_id, digest FROM ${table} WHERE org_id = ?`,
    );
    const bury = db.prepare(
      `INSERT OR IGNORE INTO ${tombstones} (org_id, digest, deleted_at) VALUES (?, ?, ?)`,
    );
    const erase = db.prepare(`DELETE FROM ${table} WHERE org_id = ?`);
    const pageFrom = db.prepare<[string, number], SqlRow>(
      `SELECT org_id, security_context, key_id, digest FROM ${table} WHERE org_id > ? ORDER BY org_id LIMIT ?`,
    );
    return {
      db,
      owned,
      put: db.transaction((row: InstallationRow) => {
        if (tombstoned.get(row.orgId, row.digest)) return false;
        upsert.run(row.orgId, row.securityContext, row.keyId, row.digest, Date.now());
        return true;
      }),
      get: (orgId: string) => select.get(orgId),
      remove: db.transaction((orgId: string, digest: string | undefined) => {
        const row = select.get(orgId);
        for (const known of [digest, row?.digest])
          if (known !== undefined) bury.run(orgId, known, Date.now());
        return row !== undefined && erase.run(orgId).changes > 0;
      }),
      // "" sorts before every orgId (digits), so it stands for "from the first".
      page: (after: string | undefined, limit: number) => pageFrom.all(after ?? "", limit),
    };
  }
  const sql = () => (opened ??= prepare());

  return createInstallationStore(
    {
      // .immediate: take the write lock before reading the tombstone, so two processes cannot interleave.
      put: async (row) => sql().put.immediate(row),
      get: async (orgId) => {
        const row = sql().get(orgId);
        return row && toRow(row);
      },
      remove: async (orgId, digest) => sql().remove.immediate(orgId, digest),
      page: async (after, limit) => sql().page(after, limit).map(toRow),
      async close() {
        if (opened?.owned) opened.db.close();
        opened = undefined;
      },
    },
    options,
  );
}
