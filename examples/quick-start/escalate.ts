// Acting for one installation (from a job, a route of yours, ...): its orgId and securityContext came with onInstall.
import { createDesk } from "@desk/sdk";
import { createFileInstallationStore } from "@desk/sdk/node";

const desk = createDesk({
  secret: process.env.DESK_SECRET!,
  baseUrl: process.env.DESK_BASE_URL ?? "https://desk.zoho.com",
});
const store = createFileInstallationStore("./data/installations.json");

const orgId = process.env.DESK_ORG_ID ?? "12345";
const inst = desk.installation(await store.get(orgId)); // NotInstalledError if the org has not installed

const issue = await inst.invoke<{ key: string }>({
  url: "{{trackerUrl}}/issues", // config params, filled in by Desk; the result must be on a whitelisted domain
  method: "POST",
  headers: { Authorization: "Bearer {{trackerToken}}" }, // a secure param: your server never sees its value
  body: { title: "Printer on fire" },
});
if (!issue.ok) throw new Error(`the tracker answered ${issue.status}`);
await inst.storage.set("ticket:42", { issue: issue.data.key }, { queriableValue: "escalated" });
console.log(`ticket 42 escalated as ${issue.data.key}`);
