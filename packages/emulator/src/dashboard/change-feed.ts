import type { Db } from "../store/open-database.js";
import { statement } from "../store/statement.js";

/** How often an open dashboard's change feed looks at the database, in ms. */
const POLL_MS = 500;

/**
 * Tells subscribers that the emulator's data changed, whatever changed it (an invoke call, the admin API, the
 * programmatic API): SQLite's `total_changes()` for this connection, read every POLL_MS while anyone listens.
 */
export class ChangeFeed {
  readonly #db: Db;
  readonly #listeners = new Set<() => void>();
  #timer: ReturnType<typeof setInterval> | undefined;
  #seen = 0;

  constructor(db: Db) {
    this.#db = db;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    if (this.#timer === undefined) {
      this.#seen = this.#count();
      this.#timer = setInterval(() => this.#poll(), POLL_MS);
      this.#timer.unref();
    }
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0 && this.#timer !== undefined) {
        clearInterval(this.#timer);
        this.#timer = undefined;
      }
    };
  }

  #count(): number {
    return (statement(this.#db, "SELECT total_changes() AS n").get() as { n: number }).n;
  }

  #poll(): void {
    // A closed database (the emulator is stopping) ends the feed.
    if (!this.#db.open) return;
    const count = this.#count();
    if (count === this.#seen) return;
    this.#seen = count;
    for (const listener of this.#listeners) listener();
  }
}
