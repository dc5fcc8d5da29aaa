import type { InstallationStore } from "./installation-store.js";
import {
  createInstallationStore,
  type InstallationStoreOptions,
} from "./stores/create-installation-store.js";
import type { InstallationRow } from "./stores/installation-rows.js";

/**
 * An {@link InstallationStore} in this process's memory: for tests and demos (it forgets everything when the
 * process ends). Records are copied in and out, so a caller cannot change what is stored by mutating an object.
 *
 * @example
 * const store = createMemoryInstallationStore();
 * await store.save({ orgId: "12345", securityContext });
 * (await store.get("12345"))?.securityContext === securityContext; // true
 */
export function createMemoryInstallationStore(options: InstallationStoreOptions = {}): InstallationStore {
  const rows = new Map<string, InstallationRow>();
  const tombstones = new Set<string>();
  const tomb = (orgId: string, digest: string) => `${orgId}\n${digest}`;
  return createInstallationStore(
    {
      async put(row) {
        if (tombstones.has(tomb(row.orgId, row.digest))) return false;
        rows.set(row.orgId, { ...row });
        return true;
      },
      async get(orgId) {
        const row = rows.get(orgId);
        return row && { ...row };
      },
      async remove(orgId, digest) {
        const row = rows.get(orgId);
        if (digest !== undefined) tombstones.add(tomb(orgId, digest));
        if (!row) return false;
        tombstones.add(tomb(orgId, row.digest));
        return rows.delete(orgId);
      },
      async page(after, limit) {
        const ids = [...rows.keys()].filter((id) => after === undefined || id > after).sort();
        return ids.slice(0, limit).map((id) => ({ ...rows.get(id)! }));
      },
      async close() {},
    },
    options,
  );
}
