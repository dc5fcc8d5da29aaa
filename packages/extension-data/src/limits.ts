/**
 * The storage limits of spec 2.1, checked client-side before any call. The byte count of `value` is measured on
 * its compact JSON text in UTF-8, and `limit` is capped at 100 (both decisions of the spec).
 *
 * @example
 * if (key.length > STORAGE_LIMITS.keyMaxLength) throw new Error("key too long");
 */
export const STORAGE_LIMITS = {
  /** `key` and `queriableValue` length, in characters. */
  keyMinLength: 1,
  keyMaxLength: 50,
  /** Letters, digits and only `,` `_` `:`. */
  keyPattern: /^[A-Za-z0-9,_:]*$/,
  /** 5.1 KB of compact UTF-8 JSON. */
  valueMaxBytes: 5222,
  /** Objects per add call. */
  itemsPerAdd: 10,
  /** Page size when `limit` is not given, and the largest allowed. */
  defaultPageSize: 20,
  maxPageSize: 100,
} as const;

/**
 * Calls per installation per minute (spec 2.1); the default budget of the client-side limiter.
 *
 * @example
 * const limiter = createRateLimiter({ limits: STORAGE_RATE_LIMITS });
 */
export const STORAGE_RATE_LIMITS = { add: 50, get: 250, delete: 50 } as const;

/**
 * The `queriableValue` stored when `set` is not given one. The spec requires one on every add (decision of 2.1);
 * query this value to list such items.
 *
 * @example
 * await storage.set("k", { a: 1 }); // stored with queriableValue "default"
 * const page = await storage.query({ queriableValue: DEFAULT_QUERIABLE_VALUE });
 */
export const DEFAULT_QUERIABLE_VALUE = "default";

/**
 * Entries one log reference may hold: 1 parent + 9 sub logs (spec 2.3).
 *
 * @example
 * if (group.size === LOG_GROUP_MAX_ENTRIES) group = data.logs.group();
 */
export const LOG_GROUP_MAX_ENTRIES = 10;
