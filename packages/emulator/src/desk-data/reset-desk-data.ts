import type { EmulatorContext } from "../context/emulator-context.js";
import { EmulatorRequestError } from "../errors/emulator-request-error.js";
import type { DeskKind } from "../store/desk-record-store.js";
import { seedDeskData } from "./seed-desk-data.js";

/**
 * Puts an org's Desk data (tickets, threads, comments, contacts, departments, the agent) back to the seed, in one
 * transaction; installations, storage, config and logs are left as they are. Answers the counts after the reset.
 * An org the emulator never saw is 404 ORG_NOT_FOUND.
 */
export function resetDeskData(context: EmulatorContext, orgId: string): Record<DeskKind, number> {
  const { stores } = context;
  if (!stores.desk.hasData(orgId) && stores.installations.idsOfOrg(orgId).length === 0) {
    throw new EmulatorRequestError({
      status: 404,
      errorCode: "ORG_NOT_FOUND",
      message: `org ${orgId} has no Desk data: install the extension in it first`,
      field: "orgId",
    });
  }
  stores.db.transaction(() => {
    stores.desk.clear(orgId);
    seedDeskData(stores.desk, orgId, context.now());
  })();
  return stores.desk.counts(orgId);
}
