import type { Db } from "./open-database.js";
import { statement } from "./statement.js";

/** One extension log. */
export interface LogRow {
  logId: string;
  installationId: string;
  reference: string | null;
  parentLogId: string | null;
  title: string;
  description: string;
  logTime: number;
}

const COLUMNS =
  "log_id AS logId, installation_id AS installationId, reference, parent_log_id AS parentLogId, title, description, log_time AS logTime";

/** Extension logs; rows at or past their expiry are purged before every read or write. */
export class LogStore {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  /** Removes logs whose logTime is at or before `expiredBefore`. */
  purge(expiredBefore: number): void {
    statement(this.#db, "DELETE FROM logs WHERE log_time <= ?").run(expiredBefore);
  }

  /** The logs of a reference group, oldest first. */
  group(installationId: string, reference: string): LogRow[] {
    return statement(
      this.#db,
      `SELECT ${COLUMNS} FROM logs WHERE installation_id = ? AND reference = ? ORDER BY log_time, rowid`,
    ).all(installationId, reference) as LogRow[];
  }

  insert(row: LogRow): void {
    statement(
      this.#db,
      "INSERT INTO logs (log_id, installation_id, reference, parent_log_id, title, description, log_time) VALUES (?, ?, ?, ?, ?, ?, ?)",
    ).run(
      row.logId,
      row.installationId,
      row.reference,
      row.parentLogId,
      row.title,
      row.description,
      row.logTime,
    );
  }

  /** Parent logs (newest first), optionally of one installation. */
  parents(installationId: string | undefined, limit: number): LogRow[] {
    const filter = installationId === undefined ? "" : "AND installation_id = ?";
    const args = installationId === undefined ? [limit] : [installationId, limit];
    return statement(
      this.#db,
      `SELECT ${COLUMNS} FROM logs WHERE parent_log_id IS NULL ${filter} ORDER BY log_time DESC, rowid DESC LIMIT ?`,
    ).all(...args) as LogRow[];
  }

  /** Sub logs of a parent, oldest first. */
  children(parentLogId: string): LogRow[] {
    return statement(
      this.#db,
      `SELECT ${COLUMNS} FROM logs WHERE parent_log_id = ? ORDER BY log_time, rowid`,
    ).all(parentLogId) as LogRow[];
  }
}
