import type { Installation } from "@desk/sdk";
import { ESCALATED, type Escalation } from "./escalation.js";
import { json } from "./json-response.js";

interface Ticket {
  id: string;
  ticketNumber: string;
  subject: string;
}

/**
 * `POST /escalate/:ticketId`: the story of the sample in one function.
 * 1. the agent's org must have the `canEscalate` permission switched on;
 * 2. read the ticket from Desk (through invoke: Desk makes the call, signed by us);
 * 3. write the tracker key into the ticket's custom field. The field's apiName is Desk's (e.g. `cf_tracker_key`),
 *    so we name it with the `{{fields.trackerKey.apiName}}` placeholder and Desk substitutes it;
 * 4. remember the escalation in extension storage;
 * 5. log both steps as one group (one parent log, sub logs under it).
 */
export async function escalateTicket(inst: Installation, ticketId: string, now: Date): Promise<Response> {
  if (!(await inst.permissions.isEnabled("canEscalate"))) {
    return json(403, {
      error: "forbidden",
      message: "escalation is switched off for this org (canEscalate)",
    });
  }

  const ticketUrl = `${inst.client.deskOrigin}/api/v1/tickets/${ticketId}`;
  const headers = { orgId: inst.client.orgId };
  const found = await inst.invoke<Ticket>({ url: ticketUrl, method: "GET", headers });
  if (found.status === 404)
    return json(404, { error: "not_found", message: `ticket ${ticketId} does not exist` });
  if (!found.ok) return json(502, { error: "desk_error", status: found.status });
  const ticket = found.data;

  const config = await inst.config.getAll();
  const trackerKey = `${config["trackerProject"]?.value ?? "ESC"}-${ticket.ticketNumber}`;

  const updated = await inst.invoke({
    url: ticketUrl,
    method: "PATCH",
    headers,
    // A placeholder inside a JSON string: Desk puts the field's real apiName there, JSON-escaped.
    body: { priority: "High", cf: { "{{fields.trackerKey.apiName}}": trackerKey } },
  });
  if (!updated.ok) return json(502, { error: "desk_error", status: updated.status });

  const escalation: Escalation = {
    ticketId: ticket.id,
    ticketNumber: ticket.ticketNumber,
    subject: ticket.subject,
    trackerKey,
    escalatedAt: now.toISOString(),
  };
  await inst.storage.set(`ticket:${ticket.id}`, { ...escalation }, { queriableValue: ESCALATED });

  const log = inst.logs.group(); // one reference for this escalation, at most 10 entries
  await log.add({ title: `Escalated ticket #${ticket.ticketNumber}`, description: ticket.subject });
  await log.add({ title: "Tracker key set", description: trackerKey });
  await log.add({ title: "Escalation stored", description: `ticket:${ticket.id}` });

  return json(200, escalation);
}
