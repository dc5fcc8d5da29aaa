// Catching any @desk/* error, here a storage key refused before the call. DESK_ORG_ID and DESK_SECURITY_CONTEXT
// came with the installation's onInstall callback.
import { DeskError } from "@desk/errors";
import { createDesk } from "@desk/sdk";

const desk = createDesk({
  secret: process.env.DESK_SECRET!,
  baseUrl: process.env.DESK_BASE_URL ?? "https://desk.zoho.com", // the emulator's URL when you work locally
});
const inst = desk.installation({
  orgId: process.env.DESK_ORG_ID!,
  securityContext: process.env.DESK_SECURITY_CONTEXT!,
});

try {
  await inst.storage.set("ticket 42", { state: "open" }); // a space is not allowed in a key
} catch (error) {
  // true for an error of ANY @desk/* package, also one thrown by a second installed copy
  if (DeskError.isInstance(error)) console.error(error.name, error.message);
  else throw error;
}
