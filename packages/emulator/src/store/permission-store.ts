import type { Db } from "./open-database.js";
import { statement } from "./statement.js";

/** Custom permission states per installation. */
export class PermissionStore {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  list(installationId: string): { apiName: string; isEnabled: boolean }[] {
    const rows = statement(
      this.#db,
      "SELECT api_name, is_enabled FROM permissions WHERE installation_id = ? ORDER BY rowid",
    ).all(installationId) as { api_name: string; is_enabled: number }[];
    return rows.map((row) => ({ apiName: row.api_name, isEnabled: row.is_enabled === 1 }));
  }

  set(installationId: string, states: Readonly<Record<string, boolean>>): void {
    const upsert = statement(
      this.#db,
      "INSERT INTO permissions (installation_id, api_name, is_enabled) VALUES (?, ?, ?) " +
        "ON CONFLICT (installation_id, api_name) DO UPDATE SET is_enabled = excluded.is_enabled",
    );
    for (const [apiName, enabled] of Object.entries(states))
      upsert.run(installationId, apiName, enabled ? 1 : 0);
  }
}
