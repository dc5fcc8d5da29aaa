import type { Db } from "./open-database.js";

/** Config param values per installation. */
export class ConfigStore {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  /** All values of one installation, as name -> value. */
  all(installationId: string): Record<string, string> {
    const rows = this.#db
      .prepare("SELECT name, value FROM config_params WHERE installation_id = ? ORDER BY rowid")
      .all(installationId) as { name: string; value: string }[];
    return Object.fromEntries(rows.map((row) => [row.name, row.value]));
  }

  /** Adds or replaces values (caller wraps several in a transaction). */
  set(installationId: string, values: Readonly<Record<string, string>>): void {
    const upsert = this.#db.prepare(
      "INSERT INTO config_params (installation_id, name, value) VALUES (?, ?, ?) " +
        "ON CONFLICT (installation_id, name) DO UPDATE SET value = excluded.value",
    );
    for (const [name, value] of Object.entries(values)) upsert.run(installationId, name, value);
  }
}
