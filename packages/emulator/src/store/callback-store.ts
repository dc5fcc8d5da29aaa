import type { CallbackOutcome } from "../emulator-types.js";
import type { Db } from "./open-database.js";
import { statement } from "./statement.js";

/** Recorded outcomes of platform-event callbacks; kept after uninstall so the last onUninstall stays visible. */
export class CallbackStore {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  insert(installationId: string, outcome: CallbackOutcome): void {
    statement(this.#db, "INSERT INTO callbacks (installation_id, outcome) VALUES (?, ?)").run(
      installationId,
      JSON.stringify(outcome),
    );
  }

  /** Outcomes, oldest first, optionally of one installation. */
  list(installationId: string | undefined): CallbackOutcome[] {
    const rows = (
      installationId === undefined
        ? statement(this.#db, "SELECT outcome FROM callbacks ORDER BY seq").all()
        : statement(this.#db, "SELECT outcome FROM callbacks WHERE installation_id = ? ORDER BY seq").all(
            installationId,
          )
    ) as { outcome: string }[];
    return rows.map((row) => JSON.parse(row.outcome) as CallbackOutcome);
  }

  /** The newest outcomes first, each with its sequence number and installation (for the dashboard). */
  recent(limit: number): { seq: number; installationId: string; outcome: CallbackOutcome }[] {
    const rows = statement(
      this.#db,
      "SELECT seq, installation_id, outcome FROM callbacks ORDER BY seq DESC LIMIT ?",
    ).all(limit) as { seq: number; installation_id: string; outcome: string }[];
    return rows.map((row) => ({
      seq: row.seq,
      installationId: row.installation_id,
      outcome: JSON.parse(row.outcome) as CallbackOutcome,
    }));
  }

  /** One recorded outcome by its sequence number. */
  get(seq: number): { installationId: string; outcome: CallbackOutcome } | undefined {
    const row = statement(this.#db, "SELECT installation_id, outcome FROM callbacks WHERE seq = ?").get(
      seq,
    ) as { installation_id: string; outcome: string } | undefined;
    return (
      row && { installationId: row.installation_id, outcome: JSON.parse(row.outcome) as CallbackOutcome }
    );
  }
}
