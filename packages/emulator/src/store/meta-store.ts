import { randomBytes } from "node:crypto";
import type { Db } from "./open-database.js";

/** Key/value settings of the emulator itself, e.g. its securityContext key. */
export class MetaStore {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  /** The AES-256 key that seals securityContexts; created once and persisted so a restart keeps contexts valid. */
  sealingKey(): Buffer {
    const row = this.#db.prepare("SELECT value FROM meta WHERE key = 'sealing_key'").get() as
      | { value: string }
      | undefined;
    if (row) return Buffer.from(row.value, "base64");
    const key = randomBytes(32);
    this.#db.prepare("INSERT INTO meta (key, value) VALUES ('sealing_key', ?)").run(key.toString("base64"));
    return key;
  }
}
