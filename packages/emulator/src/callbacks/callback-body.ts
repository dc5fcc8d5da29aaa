import type { CallbackOrgId } from "../constants.js";

/**
 * The default callback body of spec 4. `orgId` is a JSON number when it is a numeric org id and `orgIdAs` is
 * "number" (as Desk's documentation shows), else a JSON string (as Zoho's own handler code reads it).
 */
export function callbackBody(
  event: string,
  orgId: string,
  securityContext: string,
  orgIdAs: CallbackOrgId,
  extra?: object,
): string {
  const numeric = /^[1-9][0-9]{0,15}$/.test(orgId) && Number.isSafeInteger(Number(orgId));
  const value = orgIdAs === "number" && numeric ? Number(orgId) : orgId;
  return JSON.stringify({ event, orgId: value, securityContext, ...extra });
}
