import type { CallbackOutcome } from "../emulator-types.js";
import type { Db } from "./open-database.js";

/** Recorded outcomes of platform-event callbacks; kept after uninstall so the last onUninstall stays visible. */
export class CallbackStore {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  insert(installationId: string, outcome: CallbackOutcome): void {
    this.#db
      .prepare("INSERT INTO callbacks (installation_id, outcome) VALUES (?, ?)")
      .run(installationId, JSON.stringify(outcome));
  }

  /** Outcomes, oldest first, optionally of one installation. */
  list(installationId: string | undefined): CallbackOutcome[] {
    const rows = (
      installationId === undefined
        ? this.#db.prepare("SELECT outcome FROM callbacks ORDER BY seq").all()
        : this.#db
            .prepare("SELECT outcome FROM callbacks WHERE installation_id = ? ORDER BY seq")
            .all(installationId)
    ) as { outcome: string }[];
    return rows.map((row) => JSON.parse(row.outcome) as CallbackOutcome);
  }
}
