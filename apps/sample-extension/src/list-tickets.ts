import type { Installation } from "@desk/sdk";
import { json } from "./json-response.js";

/** `GET /tickets`: the org's first tickets (id, number, subject), read from Desk through invoke. */
export async function listTickets(inst: Installation): Promise<Response> {
  const result = await inst.invoke<{ data: { id: string; ticketNumber: string; subject: string }[] }>({
    url: `${inst.client.deskOrigin}/api/v1/tickets`,
    method: "GET",
    query: { from: 0, limit: 10 },
    headers: { orgId: inst.client.orgId },
  });
  if (!result.ok) return json(502, { error: "desk_error", status: result.status });
  const tickets = result.data.data.map(({ id, ticketNumber, subject }) => ({ id, ticketNumber, subject }));
  return json(200, { tickets });
}
