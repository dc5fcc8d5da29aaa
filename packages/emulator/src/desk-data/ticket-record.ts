import { FIRST_TICKET_NUMBER } from "../constants.js";
import type { DeskRecord, DeskRecordStore } from "../store/desk-record-store.js";
import { generateId } from "../store/generate-id.js";

/** What a new ticket may be given; everything else takes Desk's defaults. */
export type TicketFields = Record<string, unknown> & { subject: string };

/**
 * A new ticket of the org as Desk answers it: an id, the next ticket number (never reused), status Open, the given
 * fields, created and modified at `time`, no threads or comments yet. Not stored: the caller inserts it.
 */
export function newTicket(
  desk: DeskRecordStore,
  orgId: string,
  fields: TicketFields,
  time: string,
): DeskRecord {
  return {
    id: generateId("6"),
    ticketNumber: String(FIRST_TICKET_NUMBER + desk.countEver(orgId, "tickets")),
    status: "Open",
    priority: null,
    channel: "Web",
    description: null,
    email: null,
    phone: null,
    category: null,
    departmentId: null,
    contactId: null,
    assigneeId: null,
    ...fields,
    threadCount: "0",
    commentCount: "0",
    createdTime: time,
    modifiedTime: time,
    cf: (fields["cf"] as Record<string, unknown> | undefined) ?? {},
  };
}

/** Sets a ticket's `threadCount` and `commentCount` from what it holds now. */
export function refreshTicketCounts(desk: DeskRecordStore, orgId: string, ticketId: string): void {
  const ticket = desk.get(orgId, "tickets", ticketId);
  if (!ticket) return;
  desk.update(orgId, "tickets", {
    ...ticket,
    threadCount: String(desk.countOf(orgId, "threads", ticketId)),
    commentCount: String(desk.countOf(orgId, "comments", ticketId)),
  });
}
