// The README's recipes, each in a region, with the client of invoke.ts.
import { createInvokeClient } from "@desk/invoke-core";

const desk = createInvokeClient({
  secret: process.env.DESK_SECRET!,
  orgId: process.env.DESK_ORG_ID!,
  securityContext: process.env.DESK_SECURITY_CONTEXT!,
  baseUrl: process.env.DESK_BASE_URL ?? "https://desk.zoho.com",
});
const tickets = await desk.invoke<{ data: { id: string }[] }>({
  url: `${desk.deskOrigin}/api/v1/tickets`,
  method: "GET",
  headers: { orgId: desk.orgId },
});
const ticketId = tickets.data.data[0]!.id;

// #region desk-api
const ticket = await desk.invoke<{ subject: string }>({
  url: `${desk.deskOrigin}/api/v1/tickets/${ticketId}`,
  method: "GET",
  headers: { orgId: desk.orgId },
});
// #endregion desk-api
console.log("ticket:", ticket.status, ticket.data.subject);

// #region third-party
const issue = await desk.invoke({
  url: "{{trackerUrl}}/rest/api/2/issue", // trackerUrl and trackerToken are config params
  method: "POST",
  headers: { Authorization: "Bearer {{trackerToken}}" },
  body: { fields: { summary: "Printer on fire" } },
});
if (!issue.ok) console.error(issue.status, issue.data);
// #endregion third-party
console.log("issue:", issue.status, JSON.stringify(issue.data));

// #region connection
const found = await desk.invoke({
  url: "{{trackerUrl}}/rest/api/2/search",
  method: "GET",
  connection: "trackerconnection", // a connector of the manifest
});
// #endregion connection
console.log("search:", found.status, JSON.stringify(found.data));
