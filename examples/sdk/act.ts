// Later, acting for one installation saved by server.ts (DESK_ORG_ID: which one).
import { createDesk } from "@desk/sdk";
import { createFileInstallationStore } from "@desk/sdk/node";

const desk = createDesk({
  secret: process.env.DESK_SECRET!,
  baseUrl: process.env.DESK_BASE_URL ?? "https://desk.zoho.com",
});
const store = createFileInstallationStore("./data/installations.json");
const inst = desk.installation(await store.get(process.env.DESK_ORG_ID ?? "12345")); // NotInstalledError if none

await inst.storage.set("ticket:42", { issue: "TRK-7" }, { queriableValue: "escalated" });
for await (const item of inst.storage.iterate({ queriableValue: "escalated" })) console.log(item.key);
if (await inst.permissions.isEnabled("canEscalate")) {
  // A Desk API call: the Desk origin is in the manifest's whiteListedDomains.
  const tickets = await inst.invoke<{ data: { subject: string }[] }>({
    url: `${inst.client.deskOrigin}/api/v1/tickets`,
    method: "GET",
    headers: { orgId: inst.client.orgId },
  });
  for (const ticket of tickets.data.data) console.log(ticket.subject);
}
