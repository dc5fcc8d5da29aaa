import type { Db } from "./open-database.js";

/** One stored object, value as compact JSON text. */
export interface StorageRow {
  key: string;
  queriableValue: string;
  value: string;
}

/** Which rows a get or delete matches: key and/or queriableValue (both given = both must match). */
export interface StorageMatch {
  key?: string | undefined;
  queriableValue?: string | undefined;
}

function where(match: StorageMatch): { sql: string; args: string[] } {
  const parts = ["installation_id = ?"];
  const args: string[] = [];
  if (match.queriableValue !== undefined) {
    parts.push("queriable_value = ?");
    args.push(match.queriableValue);
  }
  if (match.key !== undefined) {
    parts.push("key = ?");
    args.push(match.key);
  }
  return { sql: parts.join(" AND "), args };
}

/** Extension storage per installation; queries by queriableValue use (installation_id, queriable_value, key). */
export class StorageStore {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  /** Adds or replaces every row in one transaction. */
  upsert(installationId: string, rows: readonly StorageRow[]): void {
    const upsert = this.#db.prepare(
      "INSERT INTO storage (installation_id, key, queriable_value, value) VALUES (?, ?, ?, ?) " +
        "ON CONFLICT (installation_id, key) DO UPDATE SET queriable_value = excluded.queriable_value, value = excluded.value",
    );
    this.#db.transaction(() => {
      for (const row of rows) upsert.run(installationId, row.key, row.queriableValue, row.value);
    })();
  }

  /** Rows ordered by key, `from` (0-based) and `limit` applied. */
  find(installationId: string, match: StorageMatch, from: number, limit: number): StorageRow[] {
    const { sql, args } = where(match);
    return this.#db
      .prepare(
        `SELECT key, queriable_value AS queriableValue, value FROM storage WHERE ${sql} ORDER BY key LIMIT ? OFFSET ?`,
      )
      .all(installationId, ...args, limit, from) as StorageRow[];
  }

  /** Deletes the matching rows in one transaction and answers their keys. */
  delete(installationId: string, match: StorageMatch): string[] {
    const { sql, args } = where(match);
    return this.#db.transaction(() => {
      const keys = (
        this.#db
          .prepare(`SELECT key FROM storage WHERE ${sql} ORDER BY key`)
          .all(installationId, ...args) as {
          key: string;
        }[]
      ).map((row) => row.key);
      this.#db.prepare(`DELETE FROM storage WHERE ${sql}`).run(installationId, ...args);
      return keys;
    })();
  }
}
