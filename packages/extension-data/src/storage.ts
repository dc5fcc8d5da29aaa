import type { InvokeClient } from "@desk/invoke-core";
import { type AnswerShape, deletedKeysShape, storageItemShape, storageListShape } from "./answer-shape.js";
import { checkStorageKey } from "./check-storage-key.js";
import { checkStorageValue } from "./check-storage-value.js";
import { BatchWriteError } from "./errors/batch-write-error.js";
import { StoredValueSchemaError } from "./errors/schema-error.js";
import { ExtensionDataValidationError } from "./errors/validation-error.js";
import { DEFAULT_QUERIABLE_VALUE, STORAGE_LIMITS } from "./limits.js";
import { STORAGE_PATH } from "./paths.js";
import { createRateLimiter, type RateLimiter, type RateLimitKind } from "./rate-limiter.js";
import { send } from "./send.js";
import { splitBatches } from "./split-batches.js";
import type { StandardSchema } from "./standard-schema.js";

/**
 * A stored value as the untyped API hands it out: a JSON object.
 *
 * @example
 * const value: StorageValue | undefined = await storage.get("ticket:42");
 */
export type StorageValue = Record<string, unknown>;

/**
 * One stored object (spec 2.1).
 *
 * @example
 * const item: StorageItem | undefined = await storage.getItem("ticket:42");
 */
export interface StorageItem<T = StorageValue> {
  key: string;
  queriableValue: string;
  value: T;
}

/**
 * One page of a query. `hasMore` is true when the page was full; the next page may then still be empty.
 *
 * @example
 * const { items, hasMore }: StoragePage = await storage.query({ queriableValue: "open", limit: 50 });
 */
export interface StoragePage<T = StorageValue> {
  items: StorageItem<T>[];
  from: number;
  limit: number;
  hasMore: boolean;
}

/**
 * An item for `setMany`; `queriableValue` defaults to {@link DEFAULT_QUERIABLE_VALUE}.
 *
 * @example
 * const entries: StorageEntry[] = [{ key: "a", value: { n: 1 }, queriableValue: "batch" }];
 */
export interface StorageEntry<T = StorageValue> {
  key: string;
  value: T;
  queriableValue?: string;
}

/**
 * Options every call takes.
 *
 * @example
 * await storage.get("k", { signal: AbortSignal.timeout(5_000) });
 */
export interface CallOptions {
  signal?: AbortSignal;
}

/**
 * Options of `storage.set`.
 *
 * @example
 * await storage.set("ticket:42", { state: "open" }, { queriableValue: "open" });
 */
export interface StorageSetOptions extends CallOptions {
  /** The group to file the item under, for `query`. Default {@link DEFAULT_QUERIABLE_VALUE} (Desk requires one). */
  queriableValue?: string;
}

/**
 * One page to fetch with `storage.query`.
 *
 * @example
 * await storage.query({ queriableValue: "open", from: 100, limit: 100 });
 */
export interface StorageQuery extends CallOptions {
  queriableValue: string;
  /** Offset of the first item, counting from 0. Default 0. */
  from?: number;
  /** Page size, 1 to 100. Default 20 (Desk's default). */
  limit?: number;
}

/**
 * What `storage.pages` and `storage.iterate` walk through.
 *
 * @example
 * for await (const item of storage.iterate({ queriableValue: "open", pageSize: 50 })) console.log(item.key);
 */
export interface StorageIterateOptions extends CallOptions {
  queriableValue: string;
  /** Items fetched per call, 1 to 100. Default 100. */
  pageSize?: number;
}

/**
 * The storage API of one installation; `T` is the value type (a JSON object, or a typed view's schema output).
 *
 * @example
 * const storage: Storage = createStorage(client);
 * const tickets: Storage<Ticket> = storage.typed(TicketSchema);
 */
export interface Storage<T = StorageValue> {
  /** Adds or replaces one item; answers the stored item. */
  set(key: string, value: T, options?: StorageSetOptions): Promise<StorageItem<T>>;
  /** Adds or replaces many items, in sequential calls of at most 10; answers the stored items in order. */
  setMany(entries: readonly StorageEntry<T>[], options?: CallOptions): Promise<StorageItem<T>[]>;
  /** The value stored under `key`, or `undefined`. */
  get(key: string, options?: CallOptions): Promise<T | undefined>;
  /** The whole item stored under `key` (with its queriableValue), or `undefined`. */
  getItem(key: string, options?: CallOptions): Promise<StorageItem<T> | undefined>;
  /** One page of the items filed under a queriableValue. */
  query(query: StorageQuery): Promise<StoragePage<T>>;
  /** Every page of a queriableValue, fetched as you go. */
  pages(options: StorageIterateOptions): AsyncGenerator<StoragePage<T>, void, undefined>;
  /** Every item of a queriableValue, fetched page by page as you go. */
  iterate(options: StorageIterateOptions): AsyncGenerator<StorageItem<T>, void, undefined>;
  /** Deletes `key`; true if it existed. */
  delete(key: string, options?: CallOptions): Promise<boolean>;
  /** Deletes every item filed under a queriableValue; answers the deleted keys. */
  deleteByQueriableValue(queriableValue: string, options?: CallOptions): Promise<string[]>;
  /** A view whose values are checked against `schema` on every write and every read. */
  typed<Out extends StorageValue>(schema: StandardSchema<Out>): Storage<Out>;
}

/**
 * Options of {@link createStorage}.
 *
 * @example
 * const storage = createStorage(client, { rateLimit: true });
 */
export interface StorageOptions {
  /**
   * Client-side rate limiting (spec 2.1: 50 adds, 250 gets, 50 deletes per minute). `true` makes a limiter for this
   * storage; pass a {@link RateLimiter} to share one. Default off: 429 answers are then retried by invoke-core and
   * surface as ExtensionDataRateLimitError.
   */
  rateLimit?: boolean | RateLimiter;
}

// How a view turns user values into stored JSON and back: identity for the plain API, a schema for typed views.
interface Codec<T> {
  encode(key: string, value: T): Promise<StorageValue> | StorageValue;
  decode(key: string, value: StorageValue): Promise<T> | T;
}

/**
 * The storage API (spec 2.1) of the installation `client` acts for. Every limit is checked before any call.
 *
 * @example
 * const storage = createStorage(client);
 * await storage.set("ticket:42", { state: "open" }, { queriableValue: "escalated" });
 * await storage.get("ticket:42"); // { state: "open" }
 * for await (const item of storage.iterate({ queriableValue: "escalated" })) console.log(item.key);
 */
export function createStorage(client: InvokeClient, options: StorageOptions = {}): Storage {
  const limiter =
    options.rateLimit === true
      ? createRateLimiter()
      : options.rateLimit === false
        ? undefined
        : options.rateLimit;
  const url = `${client.deskOrigin}${STORAGE_PATH}`;

  // One storage call: the query goes into the URL (as Zoho's own code sends it), through the limiter when there is one.
  function call<S>(
    kind: RateLimitKind,
    operation: string,
    shape: AnswerShape<S>,
    request: {
      method: "GET" | "POST" | "DELETE";
      query?: Record<string, string | number>;
      body?: unknown;
      signal?: AbortSignal | undefined;
    },
  ) {
    const { query, signal, ...rest } = request;
    const search = query
      ? `?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`
      : "";
    const invokeRequest = { ...rest, url: url + search, ...(signal ? { signal } : {}) };
    const run = () => send(client, operation, invokeRequest, shape);
    return limiter ? limiter.schedule(kind, run, signal) : run();
  }

  function view<T>(codec: Codec<T>): Storage<T> {
    const decodeItem = async (item: StorageItem): Promise<StorageItem<T>> => ({
      ...item,
      value: await codec.decode(item.key, item.value),
    });

    // Checks and encodes one entry; the index names its place in a setMany list.
    async function prepare(entry: StorageEntry<T>, index?: number): Promise<StorageItem> {
      const queriableValue = entry.queriableValue ?? DEFAULT_QUERIABLE_VALUE;
      checkStorageKey(entry.key, "key", index);
      checkStorageKey(queriableValue, "queriableValue", index);
      const value = await codec.encode(entry.key, entry.value);
      checkStorageValue(value, index);
      return { key: entry.key, queriableValue, value };
    }

    async function query(q: StorageQuery): Promise<StoragePage<T>> {
      const from = q.from ?? 0;
      const limit = q.limit ?? STORAGE_LIMITS.defaultPageSize;
      checkStorageKey(q.queriableValue, "queriableValue");
      checkRange("from", from, 0, Number.MAX_SAFE_INTEGER);
      checkRange("limit", limit, 1, STORAGE_LIMITS.maxPageSize);
      const params = { queriableValue: q.queriableValue, from, limit };
      const list = await call("get", "storage.query", storageListShape, {
        method: "GET",
        query: params,
        signal: q.signal,
      });
      const items = await Promise.all(list.data.map(decodeItem));
      return { items, from, limit, hasMore: items.length >= limit };
    }

    async function* pages(o: StorageIterateOptions): AsyncGenerator<StoragePage<T>, void, undefined> {
      const limit = o.pageSize ?? STORAGE_LIMITS.maxPageSize;
      // Named as the caller wrote it, before query() would blame its own `limit`.
      checkRange("pageSize", limit, 1, STORAGE_LIMITS.maxPageSize);
      for (let from = 0; ; from += limit) {
        const page = await query({ queriableValue: o.queriableValue, from, limit, ...signalOf(o) });
        yield page;
        if (!page.hasMore) return;
      }
    }

    async function getItem(key: string, o: CallOptions = {}): Promise<StorageItem<T> | undefined> {
      checkStorageKey(key, "key");
      const list = await call("get", "storage.get", storageListShape, {
        method: "GET",
        query: { key },
        signal: o.signal,
      });
      const item = list.data.find((candidate) => candidate.key === key);
      return item && decodeItem(item);
    }

    return {
      async set(key, value, o = {}) {
        const item = await prepare({
          key,
          value,
          ...(o.queriableValue === undefined ? {} : { queriableValue: o.queriableValue }),
        });
        const stored = await call("add", "storage.set", storageItemShape, {
          method: "POST",
          body: item,
          signal: o.signal,
        });
        return decodeItem(stored);
      },

      async setMany(entries, o = {}) {
        // Everything is checked before the first call, so a bad item never leaves a half-written list.
        const items = await Promise.all(entries.map((entry, index) => prepare(entry, index)));
        const batches = splitBatches(items, STORAGE_LIMITS.itemsPerAdd);
        const stored: StorageItem<T>[] = [];
        for (const [batchIndex, batch] of batches.entries()) {
          let answer: { data: StorageItem[] };
          try {
            answer = await call("add", "storage.setMany", storageListShape, {
              method: "POST",
              body: batch,
              signal: o.signal,
            });
          } catch (cause) {
            const done = batchIndex * STORAGE_LIMITS.itemsPerAdd;
            throw new BatchWriteError({
              batchIndex,
              batchCount: batches.length,
              writtenKeys: items.slice(0, done).map((item) => item.key),
              unwrittenKeys: items.slice(done).map((item) => item.key),
              cause,
            });
          }
          stored.push(...(await Promise.all(answer.data.map(decodeItem))));
        }
        return stored;
      },

      async get(key, o) {
        return (await getItem(key, o))?.value;
      },
      getItem,
      query,
      pages,

      async *iterate(o) {
        for await (const page of pages(o)) yield* page.items;
      },

      async delete(key, o = {}) {
        checkStorageKey(key, "key");
        const answer = await call("delete", "storage.delete", deletedKeysShape, {
          method: "DELETE",
          query: { key },
          signal: o.signal,
        });
        return answer.data.includes(key);
      },

      async deleteByQueriableValue(queriableValue, o = {}) {
        checkStorageKey(queriableValue, "queriableValue");
        const answer = await call("delete", "storage.deleteByQueriableValue", deletedKeysShape, {
          method: "DELETE",
          query: { queriableValue },
          signal: o.signal,
        });
        return answer.data;
      },

      typed: (schema) => view(schemaCodec(schema)),
    };
  }

  return view<StorageValue>({ encode: (_key, value) => value, decode: (_key, value) => value });
}

function schemaCodec<T extends StorageValue>(schema: StandardSchema<T>): Codec<T> {
  const check = async (key: string, value: unknown, phase: "write" | "read"): Promise<T> => {
    const result = await schema["~standard"].validate(value);
    if (!result.issues) return result.value;
    const issues = result.issues.map((issue) => {
      const path = (issue.path ?? []).map((part) => String(typeof part === "object" ? part.key : part));
      return `${path.join(".") || "(value)"}: ${issue.message}`;
    });
    throw new StoredValueSchemaError({ key, phase, issues });
  };
  return {
    encode: (key, value) => check(key, value, "write"),
    decode: (key, value) => check(key, value, "read"),
  };
}

function checkRange(field: string, value: number, min: number, max: number): void {
  if (Number.isInteger(value) && value >= min && value <= max) return;
  throw new ExtensionDataValidationError({
    field,
    rule: "range",
    message: `must be an integer from ${min} to ${max}, got ${value}`,
    actual: value,
    limit: value < min ? min : max,
  });
}

function signalOf(options: CallOptions): CallOptions {
  return options.signal ? { signal: options.signal } : {};
}
