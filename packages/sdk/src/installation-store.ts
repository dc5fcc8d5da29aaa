import type { InstallationRecord } from "./types.js";

/**
 * Where an extension keeps its installations (orgId -> securityContext) between callbacks and later calls.
 * Implement it over your database; `createMemoryInstallationStore` (tests) and `createFileInstallationStore`
 * (`@desk/sdk/node`, one process) are included. All methods may be async.
 *
 * @example
 * const store: InstallationStore = {
 *   save: (record) => db.upsert("installations", record),
 *   get: (orgId) => db.find("installations", orgId),
 *   delete: (orgId) => db.remove("installations", orgId),
 *   list: () => db.all("installations"),
 * };
 */
export interface InstallationStore {
  /** Adds or replaces the installation of `record.orgId`. */
  save(record: InstallationRecord): Promise<void>;
  /** The installation of an org, or undefined. */
  get(orgId: string): Promise<InstallationRecord | undefined>;
  /** Removes an org's installation; true if there was one. */
  delete(orgId: string): Promise<boolean>;
  /** Every installation, oldest save first. */
  list(): Promise<InstallationRecord[]>;
}
