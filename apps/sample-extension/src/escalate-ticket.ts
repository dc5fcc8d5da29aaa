import type { Installation } from "@desk/sdk";
import { ESCALATED, type Escalation, escalationKey, TRACKER_CONNECTION } from "./escalation.js";
import { json } from "./json-response.js";
import { literalText } from "./literal-text.js";

interface Ticket {
  id: string;
  ticketNumber: string;
  subject: string;
  webUrl?: string;
}

interface TrackerIssue {
  key: string;
  url: string;
}

/**
 * What one escalation needs besides the installation.
 *
 * @example
 * const request: EscalateRequest = { ticketId: "6000001", userId: "agent-7", trackerUrl: "http://127.0.0.1:4300", now: new Date() };
 */
export interface EscalateRequest {
  ticketId: string;
  userId: string;
  /** The tracker's origin; it must be in the manifest's whiteListedDomains. */
  trackerUrl: string;
  now: Date;
}

/**
 * `POST /escalate/:ticketId`: the story of the sample in one function.
 * 1. the org must have the `canEscalate` permission switched on;
 * 2. a ticket escalated before answers its stored escalation: nothing is created twice;
 * 3. read the ticket from Desk (through invoke: Desk makes the call, signed by us);
 * 4. create the tracker issue through invoke. `Bearer {{trackerToken}}`: Desk puts the secure config param in the
 *    header; this server never sees the token. `{{trackerProject}}` in the URL picks the project;
 * 5. write the issue key into the ticket's custom field, named by `{{fields.trackerKey.apiName}}`;
 * 6. link the issue back to the ticket through the manifest's connection: Desk adds its OAuth token;
 * 7. remember the escalation in extension storage and log the steps as one group.
 */
export async function escalateTicket(inst: Installation, request: EscalateRequest): Promise<Response> {
  if (!(await inst.permissions.isEnabled("canEscalate"))) {
    return json(403, {
      error: "forbidden",
      message: "escalation is switched off for this org (canEscalate)",
    });
  }

  const stored = await inst.storage.getItem(escalationKey(request.ticketId));
  if (stored) return json(200, { created: false, escalation: stored.value as unknown as Escalation });

  const ticketUrl = `${inst.client.deskOrigin}/api/v1/tickets/${request.ticketId}`;
  const deskHeaders = { orgId: inst.client.orgId };
  const found = await inst.invoke<Ticket>({ url: ticketUrl, method: "GET", headers: deskHeaders });
  if (found.status === 404)
    return json(404, { error: "not_found", message: `ticket ${request.ticketId} does not exist` });
  if (!found.ok) return json(502, { error: "desk_error", status: found.status });
  const ticket = found.data;

  const created = await inst.invoke<TrackerIssue>({
    url: `${request.trackerUrl}/rest/projects/{{trackerProject}}/issues`,
    method: "POST",
    headers: {
      Authorization: "Bearer {{trackerToken}}",
      // The tracker answers a repeated key with the issue it made: a retry after a failure below creates nothing.
      "Idempotency-Key": `desk-${inst.client.orgId}-${ticket.id}`,
    },
    body: {
      title: literalText(ticket.subject),
      description: literalText(`Escalated from Desk ticket #${ticket.ticketNumber}`),
    },
  });
  if (!created.ok) {
    const message =
      created.status === 401
        ? "the tracker refused the token: set the trackerToken config param in Desk"
        : `the tracker answered ${created.status}`;
    return json(502, { error: "tracker_error", status: created.status, message });
  }
  const issue = created.data;

  const updated = await inst.invoke({
    url: ticketUrl,
    method: "PATCH",
    headers: deskHeaders,
    // A placeholder inside a JSON string: Desk puts the field's real apiName there, JSON-escaped.
    body: { priority: "High", cf: { "{{fields.trackerKey.apiName}}": issue.key } },
  });
  if (!updated.ok) return json(502, { error: "desk_error", status: updated.status });

  const linked = await inst.invoke({
    url: `${request.trackerUrl}/rest/issues/${encodeURIComponent(issue.key)}/links`,
    method: "POST",
    connection: TRACKER_CONNECTION,
    body: { url: ticket.webUrl ?? ticketUrl, title: `Desk ticket #${ticket.ticketNumber}` },
  });
  if (!linked.ok) return json(502, { error: "tracker_error", status: linked.status });

  const escalation: Escalation = {
    ticketId: ticket.id,
    ticketNumber: ticket.ticketNumber,
    subject: ticket.subject.slice(0, 200), // a stored value holds at most 5,222 bytes
    issueKey: issue.key,
    issueUrl: issue.url,
    escalatedBy: request.userId,
    escalatedAt: request.now.toISOString(),
  };
  await inst.storage.set(escalationKey(ticket.id), { ...escalation }, { queriableValue: ESCALATED });

  const log = inst.logs.group(); // one reference for this escalation, at most 10 entries
  await log.add({ title: `Escalated ticket #${ticket.ticketNumber}`, description: escalation.subject });
  await log.add({ title: "Tracker issue created", description: issue.key });
  await log.add({ title: "Tracker key set", description: issue.key });
  await log.add({ title: "Issue linked to the ticket", description: `via connection ${TRACKER_CONNECTION}` });

  return json(201, { created: true, escalation });
}
