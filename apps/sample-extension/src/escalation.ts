/** What the extension stores per escalated ticket (key `ticket:<id>`, queriableValue `escalated`). */
export interface Escalation {
  ticketId: string;
  ticketNumber: string;
  subject: string;
  trackerKey: string;
  escalatedAt: string;
}

/** The queriableValue every escalation is stored under, so one query lists them all. */
export const ESCALATED = "escalated";
