/**
 * One installation as an adapter keeps it: the securityContext sealed when the store has keys.
 *
 * @example
 * const row: InstallationRow = { orgId: "12345", securityContext: "b64...", keyId: "2026-12", digest: "9f86..." };
 */
export interface InstallationRow {
  readonly orgId: string;
  /** The securityContext, or its sealed form (base64) when `keyId` is set. */
  readonly securityContext: string;
  /** The id of the key that sealed it; null when stored as given. */
  readonly keyId: string | null;
  /** Lowercase hex SHA-256 of the securityContext as given: what tombstones match. */
  readonly digest: string;
}

/**
 * What an adapter implements for {@link createInstallationStore}: plain storage of rows and tombstones, each
 * method atomic against every other process using the same data. Values come checked and sealed.
 *
 * @example
 * const rows: InstallationRows = {
 *   put: async (row) => db.upsertUnlessTombstoned(row),
 *   get: async (orgId) => db.find(orgId),
 *   remove: async (orgId, digest) => db.deleteAndTombstone(orgId, digest),
 *   page: async (after, limit) => db.range(after, limit),
 *   close: async () => {},
 * };
 */
export interface InstallationRows {
  /** Upserts `row` unless (orgId, digest) is tombstoned; answers whether it was stored. */
  put(row: InstallationRow): Promise<boolean>;
  get(orgId: string): Promise<InstallationRow | undefined>;
  /**
   * Deletes the org's row, tombstoning (orgId, its digest) and (orgId, `digest`) when given; answers whether
   * there was a row.
   */
  remove(orgId: string, digest: string | undefined): Promise<boolean>;
  /** Up to `limit` rows whose orgId sorts after `after` (all when undefined), in ascending orgId order. */
  page(after: string | undefined, limit: number): Promise<InstallationRow[]>;
  close(): Promise<void>;
}
