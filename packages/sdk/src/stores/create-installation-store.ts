import { InstallationStoreError } from "../errors/installation-store-error.js";
import type { InstallationPage, InstallationStore, ListInstallationsOptions } from "../installation-store.js";
import type { InstallationRecord } from "../types.js";
import { checkOrgId, checkSecurityContext } from "./check-record.js";
import { contextDigest } from "./context-digest.js";
import type { InstallationRows } from "./installation-rows.js";
import { createSealer, type InstallationStoreEncryption } from "./sealer.js";

/**
 * Options every installation store takes.
 *
 * @example
 * const options: InstallationStoreOptions = { encryption: { keys: [{ id: "k1", key: process.env.STORE_KEY! }] } };
 */
export interface InstallationStoreOptions {
  /** Seal securityContexts at rest (AES-256-GCM, with key ids for rotation). Default: stored as given. */
  encryption?: InstallationStoreEncryption;
}

const DEFAULT_PAGE = 100;
const MAX_PAGE = 1000;

/**
 * Makes an {@link InstallationStore} out of an adapter's {@link InstallationRows}: checks every argument (a typed
 * error naming the field, before anything is stored), seals and opens securityContexts, keeps the tombstones
 * that let an uninstall win over a late install, and pages. Every bundled store is one of these.
 *
 * @throws {SdkOptionsError} when `options.encryption` has a malformed key.
 * @example
 * import { createInstallationStore } from "@desk/sdk";
 *
 * const store = createInstallationStore(myRows, { encryption: { keys: [{ id: "k1", key: process.env.STORE_KEY! }] } });
 */
export function createInstallationStore(
  rows: InstallationRows,
  options: InstallationStoreOptions = {},
): InstallationStore {
  const sealer = createSealer(options.encryption);

  const open = async (row: Awaited<ReturnType<InstallationRows["get"]>>) =>
    row && {
      orgId: row.orgId,
      securityContext: await sealer.open(row.orgId, row.securityContext, row.keyId),
    };

  return {
    async save(record: InstallationRecord) {
      const orgId = checkOrgId(record?.orgId);
      const plain = checkSecurityContext(record.securityContext);
      const sealed = await sealer.seal(orgId, plain);
      return rows.put({ orgId, ...sealed, digest: await contextDigest(plain) });
    },
    async get(orgId) {
      return open(await rows.get(checkOrgId(orgId)));
    },
    async delete(orgId, deleteOptions) {
      const given = deleteOptions?.securityContext;
      const digest = given === undefined ? undefined : await contextDigest(checkSecurityContext(given));
      return rows.remove(checkOrgId(orgId), digest);
    },
    async list(listOptions: ListInstallationsOptions = {}): Promise<InstallationPage> {
      const limit = listOptions.limit ?? DEFAULT_PAGE;
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
        throw new InstallationStoreError({
          field: "limit",
          rule: "range",
          message: `must be a whole number from 1 to ${MAX_PAGE}`,
        });
      }
      const after = listOptions.after === undefined ? undefined : checkOrgId(listOptions.after, "after");
      // One more than asked tells whether another page follows, so the last page says so itself.
      const found = await rows.page(after, limit + 1);
      const installations = await Promise.all(found.slice(0, limit).map(open));
      const last = installations.at(-1);
      return found.length > limit && last
        ? { installations: installations as InstallationRecord[], next: last.orgId }
        : { installations: installations as InstallationRecord[] };
    },
    close: () => rows.close(),
  };
}
