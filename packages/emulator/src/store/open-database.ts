import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { SCHEMA_SQL } from "./schema.js";

/** better-sqlite3 database handle. */
export type Db = Database.Database;

/** Opens (creating folders and schema as needed) the emulator's SQLite database in WAL mode. */
export function openDatabase(path: string): Db {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  db.pragma("synchronous = NORMAL");
  db.exec(SCHEMA_SQL);
  migrate(db);
  return db;
}

// Columns added since the first schema; CREATE TABLE IF NOT EXISTS does not add them to an existing table.
function migrate(db: Db): void {
  const columns = db.pragma("table_info(config_params)") as { name: string }[];
  if (!columns.some((column) => column.name === "sealed")) {
    db.exec("ALTER TABLE config_params ADD COLUMN sealed INTEGER NOT NULL DEFAULT 0");
  }
  // Tickets had a table of their own before every Desk record moved to desk_records.
  const legacyTickets = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'tickets'")
    .get();
  if (legacyTickets) {
    db.transaction(() => {
      db.exec(
        "INSERT OR IGNORE INTO desk_records (org_id, kind, id, data) " +
          "SELECT org_id, 'tickets', id, data FROM tickets ORDER BY org_id, seq",
      );
      db.exec("DROP TABLE tickets");
    })();
  }
}
