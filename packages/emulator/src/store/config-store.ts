import { EmulatorError } from "../errors/emulator-error.js";
import type { ValueSealer } from "../security/value-sealer.js";
import type { Db } from "./open-database.js";
import { statement } from "./statement.js";

/** Which config params are secure, and the sealer that keeps their values unreadable at rest. */
export interface SecureConfig {
  names: ReadonlySet<string>;
  sealer: ValueSealer;
}

const binding = (installationId: string, name: string) => `${installationId}\u0000${name}`;

/** Config param values per installation; secure values are stored sealed (`sealed = 1`), never in clear. */
export class ConfigStore {
  readonly #db: Db;
  readonly #secure: SecureConfig | undefined;

  constructor(db: Db, secure?: SecureConfig) {
    this.#db = db;
    this.#secure = secure;
  }

  /** All values of one installation, as name -> value (secure ones opened). */
  all(installationId: string): Record<string, string> {
    const rows = statement(
      this.#db,
      "SELECT name, value, sealed FROM config_params WHERE installation_id = ? ORDER BY rowid",
    ).all(installationId) as { name: string; value: string; sealed: number }[];
    return Object.fromEntries(rows.map((row) => [row.name, this.#open(installationId, row)]));
  }

  /** Adds or replaces values (caller wraps several in a transaction). */
  set(installationId: string, values: Readonly<Record<string, string>>): void {
    const upsert = statement(
      this.#db,
      "INSERT INTO config_params (installation_id, name, value, sealed) VALUES (?, ?, ?, ?) " +
        "ON CONFLICT (installation_id, name) DO UPDATE SET value = excluded.value, sealed = excluded.sealed",
    );
    for (const [name, value] of Object.entries(values)) {
      const seal = this.#secure?.names.has(name) === true && value !== "";
      const stored = seal ? this.#secure!.sealer.seal(value, binding(installationId, name)) : value;
      upsert.run(installationId, name, stored, seal ? 1 : 0);
    }
  }

  /**
   * Seals secure values stored in clear (a database from before sealing, or a param made secure since), and checks
   * that every sealed value opens with this key: a wrong key fails at start, not on some later call.
   */
  reseal(): void {
    const rows = statement(
      this.#db,
      "SELECT installation_id AS installationId, name, value, sealed FROM config_params",
    ).all() as { installationId: string; name: string; value: string; sealed: number }[];
    this.#db.transaction(() => {
      for (const row of rows) {
        const value = this.#open(row.installationId, row);
        if (row.sealed === 0 && this.#secure?.names.has(row.name) && value !== "") {
          this.set(row.installationId, { [row.name]: value });
        }
      }
    })();
  }

  #open(installationId: string, row: { name: string; value: string; sealed: number }): string {
    if (row.sealed === 0) return row.value;
    const value = this.#secure?.sealer.open(row.value, binding(installationId, row.name));
    if (value === undefined) {
      throw new EmulatorError({
        message:
          "a secure config value in the database does not open with this key: restore the database's key file (or DESK_EMULATOR_KEY), or start with a new database",
      });
    }
    return value;
  }
}
