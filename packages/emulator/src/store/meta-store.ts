import type { Db } from "./open-database.js";
import { statement } from "./statement.js";

/** Key/value settings of the emulator itself. Key material never lives here (see security/load-key-material). */
export class MetaStore {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  /** Removes the sealing key that databases of earlier versions kept here, zeroing its bytes on disk. */
  removeLegacyKey(): void {
    this.#db.pragma("secure_delete = ON");
    statement(this.#db, "DELETE FROM meta WHERE key = 'sealing_key'").run();
  }
}
