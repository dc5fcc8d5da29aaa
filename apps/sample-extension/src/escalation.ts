/**
 * What the extension stores per escalated ticket (key `ticket:<id>`, queriableValue `escalated`).
 *
 * @example
 * const { escalations } = (await (await fetch(`${url}/escalations`, { headers })).json()) as { escalations: Escalation[] };
 */
export interface Escalation {
  ticketId: string;
  ticketNumber: string;
  subject: string;
  /** The tracker issue, e.g. "ESC-1", also written into the ticket's Tracker Key field. */
  issueKey: string;
  issueUrl: string;
  /** The user of the widget token that asked for it. */
  escalatedBy: string;
  escalatedAt: string;
}

/** The queriableValue every escalation is stored under, so one query lists them all. */
export const ESCALATED = "escalated";

/** The connector of plugin-manifest.json whose OAuth token Desk adds to the tracker link call. */
export const TRACKER_CONNECTION = "trackerconnection";

/** The storage key of a ticket's escalation. */
export function escalationKey(ticketId: string): string {
  return `ticket:${ticketId}`;
}
