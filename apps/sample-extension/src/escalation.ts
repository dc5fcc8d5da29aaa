/**
 * What the extension stores per escalated ticket (key `ticket:<id>`, queriableValue `escalated`).
 *
 * @example
 * const { escalations } = (await (await fetch(`${url}/escalations?orgId=12345`)).json()) as { escalations: Escalation[] };
 */
export interface Escalation {
  ticketId: string;
  ticketNumber: string;
  subject: string;
  trackerKey: string;
  escalatedAt: string;
}

/** The queriableValue every escalation is stored under, so one query lists them all. */
export const ESCALATED = "escalated";
