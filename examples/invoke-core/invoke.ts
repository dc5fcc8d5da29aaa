// One invoke client per installation. DESK_ORG_ID and DESK_SECURITY_CONTEXT came with its onInstall callback
// (against the emulator, `eval "$(desk-emulator install --env)"` sets them).
import { createInvokeClient } from "@desk/invoke-core";

const desk = createInvokeClient({
  secret: process.env.DESK_SECRET!,
  orgId: process.env.DESK_ORG_ID!,
  securityContext: process.env.DESK_SECURITY_CONTEXT!,
  baseUrl: process.env.DESK_BASE_URL ?? "https://desk.zoho.com", // the emulator's URL when you work locally
});

const { status, data } = await desk.invoke({
  url: `${desk.deskOrigin}/api/v1/installedExtensions/{{installationId}}/storage`,
  method: "GET",
  query: { key: "ticket:42" },
  headers: { orgId: desk.orgId },
});
console.log(status, JSON.stringify(data));
