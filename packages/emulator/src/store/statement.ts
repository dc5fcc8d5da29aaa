import type Database from "better-sqlite3";
import type { Db } from "./open-database.js";

/** How many distinct SQL texts one database keeps prepared (the stores use a few dozen). */
const CACHED_STATEMENTS = 256;

const caches = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * The prepared statement for `sql` on `db`, compiled once and reused: SQLite's prepare costs more than most of the
 * lookups it serves (it was the largest item in a profile of the invoke path). Statements here run only through
 * `run`, `get` and `all`, which finish before returning, so one statement is never busy when it is reused; the
 * oldest is dropped once more than CACHED_STATEMENTS texts were seen (SQL built with a variable `IN (?, ...)`).
 *
 * @example
 * const row = statement(db, "SELECT id FROM installations WHERE id = ?").get(installationId);
 */
export function statement(db: Db, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (cache === undefined) {
    cache = new Map();
    caches.set(db, cache);
  }
  let prepared = cache.get(sql);
  if (prepared === undefined) {
    prepared = db.prepare(sql);
    if (cache.size >= CACHED_STATEMENTS) cache.delete(cache.keys().next().value!);
    cache.set(sql, prepared);
  }
  return prepared;
}
