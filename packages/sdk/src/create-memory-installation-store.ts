import type { InstallationStore } from "./installation-store.js";
import type { InstallationRecord } from "./types.js";

/**
 * An {@link InstallationStore} in a `Map`: for tests and demos (it forgets everything when the process ends).
 * Records are copied in and out, so a caller cannot change what is stored by mutating an object.
 *
 * @example
 * const store = createMemoryInstallationStore();
 * await store.save({ orgId: "12345", securityContext });
 * (await store.get("12345"))?.securityContext === securityContext; // true
 */
export function createMemoryInstallationStore(): InstallationStore {
  const records = new Map<string, InstallationRecord>();
  const copy = (record: InstallationRecord): InstallationRecord => ({
    orgId: record.orgId,
    securityContext: record.securityContext,
  });
  return {
    async save(record) {
      records.delete(record.orgId);
      records.set(record.orgId, copy(record));
    },
    async get(orgId) {
      const record = records.get(orgId);
      return record && copy(record);
    },
    async delete(orgId) {
      return records.delete(orgId);
    },
    async list() {
      return [...records.values()].map(copy);
    },
  };
}
