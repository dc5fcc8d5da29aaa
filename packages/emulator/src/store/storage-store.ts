import type { Db } from "./open-database.js";
import { statement } from "./statement.js";

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
    const upsert = statement(
      this.#db,
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
    return statement(
      this.#db,
      `SELECT key, queriable_value AS queriableValue, value FROM storage WHERE ${sql} ORDER BY key LIMIT ? OFFSET ?`,
    ).all(installationId, ...args, limit, from) as StorageRow[];
  }

  /** Deletes the matching rows in one transaction and answers their keys. */
  delete(installationId: string, match: StorageMatch): string[] {
    const { sql, args } = where(match);
    return this.#db.transaction(() => {
      const keys = (
        statement(this.#db, `SELECT key FROM storage WHERE ${sql} ORDER BY key`).all(
          installationId,
          ...args,
        ) as {
          key: string;
        }[]
      ).map((row) => row.key);
      statement(this.#db, `DELETE FROM storage WHERE ${sql}`).run(installationId, ...args);
      return keys;
    })();
  }

  /**
   * One page for a browser: keys after `after` (keyset, so a page deep in 100,000 keys costs the same as the
   * first), optionally starting with `prefix` and of one queriableValue; both are range scans on an index.
   */
  browse(installationId: string, filter: StorageBrowseFilter, limit: number): StorageRow[] {
    const { sql, args } = browseWhere(installationId, filter);
    return statement(
      this.#db,
      `SELECT key, queriable_value AS queriableValue, value FROM storage WHERE ${sql} ORDER BY key LIMIT ?`,
    ).all(...args, limit) as StorageRow[];
  }

  /** How many rows match `filter` (ignoring `after`), counting no further than `cap` + 1. */
  countUpTo(installationId: string, filter: StorageBrowseFilter, cap: number): number {
    const { sql, args } = browseWhere(installationId, { ...filter, after: undefined });
    const row = statement(
      this.#db,
      `SELECT count(*) AS n FROM (SELECT 1 FROM storage WHERE ${sql} LIMIT ?)`,
    ).get(...args, cap + 1) as { n: number };
    return row.n;
  }
}

/** What a storage browser filters on. */
export interface StorageBrowseFilter {
  prefix?: string | undefined;
  queriableValue?: string | undefined;
  /** The last key of the previous page. */
  after?: string | undefined;
}

// Keys use only A-Z a-z 0-9 , _ : (all below U+007F), so every key starting with p sorts in [p, p + "\u007f").
function browseWhere(installationId: string, filter: StorageBrowseFilter): { sql: string; args: string[] } {
  const parts = ["installation_id = ?"];
  const args = [installationId];
  if (filter.queriableValue !== undefined) {
    parts.push("queriable_value = ?");
    args.push(filter.queriableValue);
  }
  const prefix = filter.prefix ?? "";
  if (filter.after !== undefined && filter.after >= prefix) {
    parts.push("key > ?");
    args.push(filter.after);
  } else if (prefix !== "") {
    parts.push("key >= ?");
    args.push(prefix);
  }
  if (prefix !== "") {
    parts.push("key < ?");
    args.push(`${prefix}\u007f`);
  }
  return { sql: parts.join(" AND "), args };
}
