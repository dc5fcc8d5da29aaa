import type { Db } from "./open-database.js";
import { statement } from "./statement.js";

/** The kinds of Desk record the in-process Desk keeps per org. */
export type DeskKind = "tickets" | "comments" | "threads" | "contacts" | "departments" | "agents";

/** A Desk record as JSON (the emulator keeps the whole object, as the API answers it). */
export type DeskRecord = Record<string, unknown> & { id: string };

/** Where a record sits besides its org and kind: its ticket (comments, threads) and its id in a channel. */
export interface DeskRecordPlace {
  parentId?: string | undefined;
  extId?: string | undefined;
}

const LIVE = "org_id = ? AND kind = ? AND trashed = 0";

function parse(rows: { data: string }[]): DeskRecord[] {
  return rows.map((row) => JSON.parse(row.data) as DeskRecord);
}

/**
 * Desk's own records (tickets, their comments and threads, contacts, departments, the agent) per org, listed in
 * creation order. Tickets moved to trash stay in the table (they keep their number) and are never answered again.
 */
export class DeskRecordStore {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  insert(orgId: string, kind: DeskKind, record: DeskRecord, place: DeskRecordPlace = {}): void {
    statement(
      this.#db,
      "INSERT INTO desk_records (org_id, kind, id, parent_id, ext_id, data) VALUES (?, ?, ?, ?, ?, ?)",
    ).run(orgId, kind, record.id, place.parentId ?? null, place.extId ?? null, JSON.stringify(record));
  }

  /** Replaces a record's JSON (same id). */
  update(orgId: string, kind: DeskKind, record: DeskRecord): void {
    statement(this.#db, "UPDATE desk_records SET data = ? WHERE org_id = ? AND kind = ? AND id = ?").run(
      JSON.stringify(record),
      orgId,
      kind,
      record.id,
    );
  }

  /** A live record; with `parentId`, only when it belongs to that ticket. */
  get(orgId: string, kind: DeskKind, id: string, parentId?: string): DeskRecord | undefined {
    const row = statement(
      this.#db,
      `SELECT data FROM desk_records WHERE ${LIVE} AND id = ? AND (? IS NULL OR parent_id = ?)`,
    ).get(orgId, kind, id, parentId ?? null, parentId ?? null) as { data: string } | undefined;
    return row && (JSON.parse(row.data) as DeskRecord);
  }

  /** The live record a channel knows by `extId`. */
  getByExtId(orgId: string, kind: DeskKind, extId: string): DeskRecord | undefined {
    const row = statement(
      this.#db,
      `SELECT data FROM desk_records WHERE ${LIVE} AND ext_id = ? ORDER BY seq LIMIT 1`,
    ).get(orgId, kind, extId) as { data: string } | undefined;
    return row && (JSON.parse(row.data) as DeskRecord);
  }

  /** Live records in creation order, `from` (0-based) and `limit` applied; with `parentId`, one ticket's. */
  list(
    orgId: string,
    kind: DeskKind,
    page: { from: number; limit: number },
    parentId?: string,
  ): DeskRecord[] {
    return parse(
      statement(
        this.#db,
        `SELECT data FROM desk_records WHERE ${LIVE} AND (? IS NULL OR parent_id = ?) ORDER BY seq LIMIT ? OFFSET ?`,
      ).all(orgId, kind, parentId ?? null, parentId ?? null, page.limit, page.from) as { data: string }[],
    );
  }

  /** How many records of a kind the org ever had, trashed ones included (ticket numbers never repeat). */
  countEver(orgId: string, kind: DeskKind): number {
    return (
      statement(this.#db, "SELECT count(*) AS n FROM desk_records WHERE org_id = ? AND kind = ?").get(
        orgId,
        kind,
      ) as { n: number }
    ).n;
  }

  /** How many live records of a kind one ticket holds. */
  countOf(orgId: string, kind: DeskKind, parentId: string): number {
    return (
      statement(this.#db, `SELECT count(*) AS n FROM desk_records WHERE ${LIVE} AND parent_id = ?`).get(
        orgId,
        kind,
        parentId,
      ) as { n: number }
    ).n;
  }

  /** Moves records to trash: they are no longer answered. */
  trash(orgId: string, kind: DeskKind, ids: readonly string[]): void {
    const trash = statement(
      this.#db,
      "UPDATE desk_records SET trashed = 1 WHERE org_id = ? AND kind = ? AND id = ?",
    );
    for (const id of ids) trash.run(orgId, kind, id);
  }

  /** Deletes one record for good; answers whether it existed. */
  delete(orgId: string, kind: DeskKind, id: string): boolean {
    return (
      statement(this.#db, "DELETE FROM desk_records WHERE org_id = ? AND kind = ? AND id = ?").run(
        orgId,
        kind,
        id,
      ).changes > 0
    );
  }

  /** Whether the org has any Desk data (it is seeded once, when first installed). */
  hasData(orgId: string): boolean {
    return (
      statement(this.#db, "SELECT 1 FROM desk_records WHERE org_id = ? LIMIT 1").get(orgId) !== undefined
    );
  }

  /** Removes every record of the org. */
  clear(orgId: string): void {
    statement(this.#db, "DELETE FROM desk_records WHERE org_id = ?").run(orgId);
  }

  /** Live records per kind of one org. */
  counts(orgId: string): Record<DeskKind, number> {
    const counts: Record<DeskKind, number> = {
      departments: 0,
      agents: 0,
      contacts: 0,
      tickets: 0,
      threads: 0,
      comments: 0,
    };
    const rows = statement(
      this.#db,
      "SELECT kind, count(*) AS n FROM desk_records WHERE org_id = ? AND trashed = 0 GROUP BY kind",
    ).all(orgId) as { kind: DeskKind; n: number }[];
    for (const row of rows) counts[row.kind] = row.n;
    return counts;
  }
}
