import type { Installation } from "@desk/sdk";
import { ESCALATED, type Escalation } from "./escalation.js";
import { json } from "./json-response.js";

/** `GET /escalations`: every stored escalation; `iterate` fetches the pages (100 items each) for us. */
export async function listEscalations(inst: Installation): Promise<Response> {
  const escalations: Escalation[] = [];
  for await (const item of inst.storage.iterate({ queriableValue: ESCALATED })) {
    escalations.push(item.value as unknown as Escalation);
  }
  return json(200, { escalations });
}
