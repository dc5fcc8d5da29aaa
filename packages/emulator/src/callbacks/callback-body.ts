/** The default callback body of spec 4: orgId as a number when it is one (as the doc shows), else a string. */
export function callbackBody(event: string, orgId: string, securityContext: string, extra?: object): string {
  const numeric = /^[1-9][0-9]{0,15}$/.test(orgId) && Number.isSafeInteger(Number(orgId));
  return JSON.stringify({ event, orgId: numeric ? Number(orgId) : orgId, securityContext, ...extra });
}
