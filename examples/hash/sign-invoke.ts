// Sign an invoke call by hand: the HASH of the form fields goes in the HASH header, the fields in the form body.
// DESK_ORG_ID and DESK_SECURITY_CONTEXT came with the installation's onInstall callback.
import { signInvoke } from "@desk/hash";

const orgId = process.env.DESK_ORG_ID!;
const fields = {
  requestURL: "https://desk.zoho.com/api/v1/tickets",
  requestType: "GET",
  headers: JSON.stringify({ orgId }),
};
const hash = await signInvoke(process.env.DESK_SECRET!, fields);

const desk = process.env.DESK_BASE_URL ?? "https://desk.zoho.com"; // the emulator's URL when you work locally
const answer = await fetch(`${desk}/api/v1/invoke?orgId=${orgId}`, {
  method: "POST",
  headers: { HASH: hash },
  body: new URLSearchParams({ ...fields, securityContext: process.env.DESK_SECURITY_CONTEXT! }), // not hashed
});
const { statusCode } = await answer.json();
console.log(`invoke ${answer.status}, tickets ${statusCode}`);
