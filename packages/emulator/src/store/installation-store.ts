import type { Db } from "./open-database.js";
import { statement } from "./statement.js";

/** One installation row. */
export interface InstallationRow {
  installationId: string;
  orgId: string;
  installedAt: number;
}

/** Installations: create, look up, list, delete (cascading to all of that installation's data). */
export class InstallationStore {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  insert(row: InstallationRow): void {
    statement(this.#db, "INSERT INTO installations (id, org_id, installed_at) VALUES (?, ?, ?)").run(
      row.installationId,
      row.orgId,
      row.installedAt,
    );
  }

  get(installationId: string): InstallationRow | undefined {
    const row = statement(this.#db, "SELECT id, org_id, installed_at FROM installations WHERE id = ?").get(
      installationId,
    ) as { id: string; org_id: string; installed_at: number } | undefined;
    return row && { installationId: row.id, orgId: row.org_id, installedAt: row.installed_at };
  }

  list(): InstallationRow[] {
    const rows = statement(
      this.#db,
      "SELECT id, org_id, installed_at FROM installations ORDER BY installed_at, id",
    ).all() as { id: string; org_id: string; installed_at: number }[];
    return rows.map((row) => ({ installationId: row.id, orgId: row.org_id, installedAt: row.installed_at }));
  }

  idsOfOrg(orgId: string): string[] {
    return (
      statement(this.#db, "SELECT id FROM installations WHERE org_id = ?").all(orgId) as { id: string }[]
    ).map((row) => row.id);
  }

  /** Deletes the installation; foreign keys cascade to its config, resources, permissions, storage and logs. */
  delete(installationId: string): void {
    statement(this.#db, "DELETE FROM installations WHERE id = ?").run(installationId);
  }
}
