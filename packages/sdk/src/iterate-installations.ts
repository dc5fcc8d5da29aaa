import type { InstallationStore } from "./installation-store.js";
import type { InstallationRecord } from "./types.js";

/**
 * Every installation of a store, one page at a time (only one page is held in memory), in orgId order.
 *
 * @example
 * for await (const installation of iterateInstallations(store, { pageSize: 500 })) {
 *   await desk.installation(installation).logs.add({ title: "maintenance", description: "tonight" });
 * }
 */
export async function* iterateInstallations(
  store: InstallationStore,
  options: { pageSize?: number } = {},
): AsyncGenerator<InstallationRecord, void, undefined> {
  let after: string | undefined;
  do {
    const page = await store.list({
      after,
      ...(options.pageSize !== undefined && { limit: options.pageSize }),
    });
    yield* page.installations;
    after = page.next;
  } while (after !== undefined);
}
