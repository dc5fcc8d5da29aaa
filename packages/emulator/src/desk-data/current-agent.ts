import type { DeskRecord, DeskRecordStore } from "../store/desk-record-store.js";

/** The org's current agent (whom `myinfo` answers, who writes comments and replies), if the org was seeded. */
export function currentAgent(desk: DeskRecordStore, orgId: string): DeskRecord | undefined {
  return desk.list(orgId, "agents", { from: 0, limit: 1 })[0];
}
