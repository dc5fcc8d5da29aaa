import type { Db } from "./open-database.js";
import { statement } from "./statement.js";

/** A Desk ticket as JSON (the emulator keeps the whole object). */
export type Ticket = Record<string, unknown> & { id: string };

/** Tickets per org, listed in creation order. */
export class TicketStore {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  count(orgId: string): number {
    return (
      statement(this.#db, "SELECT count(*) AS n FROM tickets WHERE org_id = ?").get(orgId) as { n: number }
    ).n;
  }

  insert(orgId: string, ticket: Ticket): void {
    const seq = (
      statement(this.#db, "SELECT coalesce(max(seq), 0) + 1 AS next FROM tickets WHERE org_id = ?").get(
        orgId,
      ) as {
        next: number;
      }
    ).next;
    statement(this.#db, "INSERT INTO tickets (org_id, id, seq, data) VALUES (?, ?, ?, ?)").run(
      orgId,
      ticket.id,
      seq,
      JSON.stringify(ticket),
    );
  }

  get(orgId: string, id: string): Ticket | undefined {
    const row = statement(this.#db, "SELECT data FROM tickets WHERE org_id = ? AND id = ?").get(orgId, id) as
      | { data: string }
      | undefined;
    return row && (JSON.parse(row.data) as Ticket);
  }

  /** Ticket number for the next ticket of an org (Desk numbers start at 101 here). */
  nextNumber(orgId: string): string {
    return String(100 + this.count(orgId) + 1);
  }

  update(orgId: string, ticket: Ticket): void {
    statement(this.#db, "UPDATE tickets SET data = ? WHERE org_id = ? AND id = ?").run(
      JSON.stringify(ticket),
      orgId,
      ticket.id,
    );
  }

  list(orgId: string, from: number, limit: number): Ticket[] {
    const rows = statement(
      this.#db,
      "SELECT data FROM tickets WHERE org_id = ? ORDER BY seq LIMIT ? OFFSET ?",
    ).all(orgId, limit, from) as { data: string }[];
    return rows.map((row) => JSON.parse(row.data) as Ticket);
  }
}
