import type { InstallationRecord } from "./types.js";

/**
 * Options of {@link InstallationStore.list}.
 *
 * @example
 * const page = await store.list({ limit: 500, after: previous.next });
 */
export interface ListInstallationsOptions {
  /** The `next` of the previous page: answers the installations whose orgId sorts after it. Default: from the first. */
  after?: string | undefined;
  /** Installations per page, 1 to 1000. Default 100. */
  limit?: number;
}

/**
 * One page of {@link InstallationStore.list}, in orgId order (as strings, character by character).
 *
 * @example
 * const { installations, next } = await store.list();
 * if (next) await store.list({ after: next });
 */
export interface InstallationPage {
  readonly installations: InstallationRecord[];
  /** Give it as `after` to get the next page; absent on the last page. */
  readonly next?: string;
}

/**
 * Where an extension keeps its installations (orgId -> securityContext) between callbacks and later calls.
 * Included: `createMemoryInstallationStore` (tests), `createFileInstallationStore` (`@desk/sdk/node`, one process),
 * SQLite, PostgreSQL and Redis (`@desk/sdk/stores/sqlite`, `/postgres`, `/redis`, several processes), each able
 * to seal securityContexts at rest. Write your own over `createInstallationStore`, and prove it with the
 * conformance suite of `@desk/sdk/testing`.
 *
 * Which wins when an uninstall races a late install callback: the uninstall. `delete` remembers the
 * securityContext it removed (and the one it is given) as a digest, and a later `save` of that same
 * securityContext for that org is refused (it answers false); a reinstall brings a new securityContext and is saved.
 *
 * @example
 * const store: InstallationStore = createMemoryInstallationStore();
 * await store.save({ orgId: event.orgId, securityContext: event.securityContext });
 * for await (const installation of iterateInstallations(store)) console.log(installation.orgId);
 */
export interface InstallationStore {
  /**
   * Adds or replaces the installation of `record.orgId`; false (and nothing stored) when that securityContext was
   * uninstalled from that org before.
   */
  save(record: InstallationRecord): Promise<boolean>;
  /** The installation of an org, or undefined. */
  get(orgId: string): Promise<InstallationRecord | undefined>;
  /**
   * Removes an org's installation (true if there was one) and refuses later saves of its securityContext, and of
   * `options.securityContext` (the uninstall callback's, in case its install callback is still on its way).
   */
  delete(orgId: string, options?: { securityContext?: string }): Promise<boolean>;
  /** One page of installations in orgId order; never loads the rest. */
  list(options?: ListInstallationsOptions): Promise<InstallationPage>;
  /** Releases what the store opened itself (a connection, a file); one given to it is left open. */
  close(): Promise<void>;
}
