// Storage, logs and permissions of one installation. DESK_ORG_ID and DESK_SECURITY_CONTEXT came with its
// onInstall callback (against the emulator, `eval "$(desk-emulator install --env)"` sets them).
import { createExtensionData } from "@desk/extension-data";
import { createInvokeClient } from "@desk/invoke-core";

const client = createInvokeClient({
  secret: process.env.DESK_SECRET!,
  orgId: process.env.DESK_ORG_ID!,
  securityContext: process.env.DESK_SECURITY_CONTEXT!,
  baseUrl: process.env.DESK_BASE_URL ?? "https://desk.zoho.com", // the emulator's URL when you work locally
});
const data = createExtensionData(client, { rateLimit: true });

await data.storage.set("ticket:42", { issue: "TRK-7" }, { queriableValue: "escalated" });
for await (const item of data.storage.iterate({ queriableValue: "escalated" })) {
  console.log(item.key, item.value);
}
const run = data.logs.group();
await run.add({ title: "escalated", description: "ticket 42" });
if (await data.permissions.isEnabled("canEscalate")) {
  console.log("this installation may escalate"); // canEscalate is declared in resources.json
}
