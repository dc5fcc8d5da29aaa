import type { Db } from "./open-database.js";
import { statement } from "./statement.js";

/** One resource Desk created at install. */
export interface ResourceRow {
  type: string;
  name: string;
  id: string;
  apiName: string;
  definition: Record<string, unknown>;
}

/** Resources (fields, permissions, webhooks, ...) created per installation, with their ids and apiNames. */
export class ResourceStore {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  insert(installationId: string, rows: readonly ResourceRow[]): void {
    const insert = statement(
      this.#db,
      "INSERT INTO resources (installation_id, type, name, id, api_name, definition) VALUES (?, ?, ?, ?, ?, ?)",
    );
    for (const row of rows) {
      insert.run(installationId, row.type, row.name, row.id, row.apiName, JSON.stringify(row.definition));
    }
  }

  list(installationIds: readonly string[]): ResourceRow[] {
    if (installationIds.length === 0) return [];
    const marks = installationIds.map(() => "?").join(",");
    const rows = statement(
      this.#db,
      `SELECT type, name, id, api_name, definition FROM resources WHERE installation_id IN (${marks}) ORDER BY rowid`,
    ).all(...installationIds) as {
      type: string;
      name: string;
      id: string;
      api_name: string;
      definition: string;
    }[];
    return rows.map((row) => ({
      type: row.type,
      name: row.name,
      id: row.id,
      apiName: row.api_name,
      definition: JSON.parse(row.definition) as Record<string, unknown>,
    }));
  }
}
