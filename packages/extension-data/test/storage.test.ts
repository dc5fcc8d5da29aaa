import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  BatchWriteError,
  createStorage,
  DEFAULT_QUERIABLE_VALUE,
  ExtensionDataApiError,
  ExtensionDataError,
  ExtensionDataValidationError,
  STORAGE_PATH,
  type Storage,
} from "../src/index.js";
import { type Harness, startHarness } from "./helpers.js";

const storageUrl = `https://desk.zoho.com${STORAGE_PATH}`;

describe("storage against the emulator", () => {
  let h: Harness;
  let storage: Storage;

  beforeAll(async () => {
    // Many keys are written here; the rate-limit paths have their own file.
    h = await startHarness({ rateLimits: false });
    storage = createStorage(h.client);
  });
  afterAll(() => h?.close());
  beforeEach(() => {
    h.client.requests.length = 0;
  });

  it("sets one item and answers it as stored", async () => {
    const item = await storage.set("ticket:1", { state: "open", n: 1 }, { queriableValue: "open" });
    expect(item).toEqual({ key: "ticket:1", queriableValue: "open", value: { state: "open", n: 1 } });
    expect(h.client.requests).toEqual([
      {
        url: storageUrl,
        method: "POST",
        body: { key: "ticket:1", queriableValue: "open", value: { state: "open", n: 1 } },
        throwOnTargetError: false,
      },
    ]);
  });

  it("gets a value, the whole item, and undefined for an absent key", async () => {
    await storage.set("ticket:2", { state: "closed" }, { queriableValue: "closed" });
    expect(await storage.get("ticket:2")).toEqual({ state: "closed" });
    expect(await storage.getItem("ticket:2")).toEqual({
      key: "ticket:2",
      queriableValue: "closed",
      value: { state: "closed" },
    });
    expect(await storage.get("ticket:absent")).toBeUndefined();
    expect(await storage.getItem("ticket:absent")).toBeUndefined();
    expect(h.client.requests[1]).toMatchObject({ url: `${storageUrl}?key=ticket%3A2`, method: "GET" });
  });

  it("files an item without queriableValue under the default one", async () => {
    const item = await storage.set("plain", { a: 1 });
    expect(item.queriableValue).toBe(DEFAULT_QUERIABLE_VALUE);
    const page = await storage.query({ queriableValue: DEFAULT_QUERIABLE_VALUE });
    expect(page.items.map((i) => i.key)).toEqual(["plain"]);
  });

  it("replaces an existing key, moving it to the new queriableValue", async () => {
    await storage.set("moving", { v: 1 }, { queriableValue: "before" });
    await storage.set("moving", { v: 2 }, { queriableValue: "after" });
    expect(await storage.getItem("moving")).toEqual({
      key: "moving",
      queriableValue: "after",
      value: { v: 2 },
    });
    expect((await storage.query({ queriableValue: "before" })).items).toEqual([]);
  });

  it("stores a value of exactly 5,222 bytes (the client and Desk agree on the limit)", async () => {
    const value = { s: "é".repeat((5222 - 8) / 2) };
    await storage.set("big", value, { queriableValue: "big" });
    expect(await storage.get("big")).toEqual(value);
  });

  it("setMany splits 23 items into calls of 10, 10 and 3 and answers all, in order", async () => {
    const entries = Array.from({ length: 23 }, (_, i) => ({
      key: `batch:${i}`,
      value: { i },
      queriableValue: "batch",
    }));
    const stored = await storage.setMany(entries);
    expect(stored).toEqual(entries.map((e) => ({ key: e.key, queriableValue: "batch", value: e.value })));
    expect(h.client.requests.map((r) => [r.method, (r.body as unknown[]).length])).toEqual([
      ["POST", 10],
      ["POST", 10],
      ["POST", 3],
    ]);
    const all = [];
    for await (const item of storage.iterate({ queriableValue: "batch" })) all.push(item.key);
    expect(all.sort()).toEqual(entries.map((e) => e.key).sort());
  });

  it("setMany with no item makes no call", async () => {
    expect(await storage.setMany([])).toEqual([]);
    expect(h.client.requests).toEqual([]);
  });

  it("setMany checks every item before the first call", async () => {
    const entries = [
      ...Array.from({ length: 12 }, (_, i) => ({ key: `early:${i}`, value: { i } })),
      { key: "bad key", value: { i: 12 } },
    ];
    const write = storage.setMany(entries);
    await expect(write).rejects.toBeInstanceOf(ExtensionDataValidationError);
    await expect(write).rejects.toMatchObject({ field: "key", rule: "characters", index: 12 });
    expect(h.client.requests).toEqual([]);
    expect(await storage.get("early:0")).toBeUndefined();
  });

  it("pages over 250 keys with from/limit and iterates them all", async () => {
    const entries = Array.from({ length: 250 }, (_, i) => ({
      key: `page:${String(i).padStart(3, "0")}`,
      value: { i },
      queriableValue: "paged",
    }));
    await storage.setMany(entries);
    h.client.requests.length = 0;

    const first = await storage.query({ queriableValue: "paged" });
    expect([first.items.length, first.from, first.limit, first.hasMore]).toEqual([20, 0, 20, true]);
    const last = await storage.query({ queriableValue: "paged", from: 240, limit: 100 });
    expect([last.items.length, last.from, last.limit, last.hasMore]).toEqual([10, 240, 100, false]);
    expect(h.client.requests.map((r) => r.url)).toEqual([
      `${storageUrl}?queriableValue=paged&from=0&limit=20`,
      `${storageUrl}?queriableValue=paged&from=240&limit=100`,
    ]);

    h.client.requests.length = 0;
    const sizes = [];
    for await (const page of storage.pages({ queriableValue: "paged" })) sizes.push(page.items.length);
    expect(sizes).toEqual([100, 100, 50]);

    const keys: string[] = [];
    for await (const item of storage.iterate({ queriableValue: "paged", pageSize: 60 })) keys.push(item.key);
    expect(new Set(keys).size).toBe(250);
    expect([...keys].sort()).toEqual(entries.map((e) => e.key));
  });

  it("the query in requestURL (as storage sends it) and in invoke's queryParams get the same answer", async () => {
    await storage.set("form:1", { a: 1 }, { queriableValue: "forms" });
    const viaUrl = await h.client.invoke({
      url: `${storageUrl}?queriableValue=forms&from=0&limit=20`,
      method: "GET",
    });
    const viaQueryParams = await h.client.invoke({
      url: storageUrl,
      method: "GET",
      query: { queriableValue: "forms", from: 0, limit: 20 },
    });
    expect(viaUrl.data).toEqual({ data: [{ key: "form:1", queriableValue: "forms", value: { a: 1 } }] });
    expect(viaQueryParams.data).toEqual(viaUrl.data);
  });

  it("iterating an empty queriableValue makes one call and yields nothing", async () => {
    const keys = [];
    for await (const item of storage.iterate({ queriableValue: "nothing" })) keys.push(item);
    expect(keys).toEqual([]);
    expect(h.client.requests).toHaveLength(1);
  });

  it("deletes by key and tells whether it existed", async () => {
    await storage.set("gone", { a: 1 });
    expect(await storage.delete("gone")).toBe(true);
    expect(await storage.get("gone")).toBeUndefined();
    expect(await storage.delete("gone")).toBe(false);
    expect(h.client.requests[1]).toMatchObject({ url: `${storageUrl}?key=gone`, method: "DELETE" });
  });

  it("deletes by queriableValue and answers the deleted keys", async () => {
    await storage.setMany([
      { key: "grp:1", value: {}, queriableValue: "doomed" },
      { key: "grp:2", value: {}, queriableValue: "doomed" },
      { key: "grp:3", value: {}, queriableValue: "kept" },
    ]);
    expect((await storage.deleteByQueriableValue("doomed")).sort()).toEqual(["grp:1", "grp:2"]);
    expect((await storage.query({ queriableValue: "doomed" })).items).toEqual([]);
    expect(await storage.get("grp:3")).toEqual({});
    expect(await storage.deleteByQueriableValue("doomed")).toEqual([]);
  });

  describe("every spec 2.1 limit is refused before any call", () => {
    const cases: [string, () => Promise<unknown>, Record<string, unknown>][] = [
      [
        "key of 51 characters",
        () => storage.set("k".repeat(51), {}),
        { field: "key", rule: "length", actual: 51, limit: 50 },
      ],
      ["empty key", () => storage.get(""), { field: "key", rule: "length", actual: 0, limit: 1 }],
      ["key with a space", () => storage.delete("a b"), { field: "key", rule: "characters" }],
      ["key with a dash", () => storage.getItem("a-b"), { field: "key", rule: "characters" }],
      [
        "queriableValue of 51",
        () => storage.set("k", {}, { queriableValue: "q".repeat(51) }),
        { field: "queriableValue", rule: "length", actual: 51 },
      ],
      [
        "queriableValue with /",
        () => storage.query({ queriableValue: "a/b" }),
        { field: "queriableValue", rule: "characters" },
      ],
      [
        "empty queriableValue on delete",
        () => storage.deleteByQueriableValue(""),
        { field: "queriableValue", rule: "length" },
      ],
      ["value an array", () => storage.set("k", [1] as never), { field: "value", rule: "type" }],
      ["value a string", () => storage.set("k", "text" as never), { field: "value", rule: "type" }],
      ["value with undefined", () => storage.set("k", { a: undefined }), { field: "value", rule: "json" }],
      [
        "value of 5,223 bytes",
        () => storage.set("k", { s: "a".repeat(5215) }),
        { field: "value", rule: "size", actual: 5223, limit: 5222 },
      ],
      [
        "limit 0",
        () => storage.query({ queriableValue: "q", limit: 0 }),
        { field: "limit", rule: "range", actual: 0, limit: 1 },
      ],
      [
        "limit 101",
        () => storage.query({ queriableValue: "q", limit: 101 }),
        { field: "limit", rule: "range", actual: 101, limit: 100 },
      ],
      ["from -1", () => storage.query({ queriableValue: "q", from: -1 }), { field: "from", rule: "range" }],
      ["from 1.5", () => storage.query({ queriableValue: "q", from: 1.5 }), { field: "from", rule: "range" }],
      [
        "regression: pageSize 101 names pageSize (it was blamed on limit)",
        () => storage.iterate({ queriableValue: "q", pageSize: 101 }).next(),
        { field: "pageSize", rule: "range", actual: 101, limit: 100 },
      ],
      [
        "pageSize 0 through pages",
        () => storage.pages({ queriableValue: "q", pageSize: 0 }).next(),
        { field: "pageSize", rule: "range", actual: 0, limit: 1 },
      ],
      [
        "setMany item with a bad queriableValue",
        () => storage.setMany([{ key: "ok", value: {}, queriableValue: "no spaces" }]),
        { field: "queriableValue", rule: "characters", index: 0 },
      ],
      ["value null", () => storage.set("k", null as never), { field: "value", rule: "type" }],
      [
        "value of 5,223 bytes in multi-byte characters",
        () => storage.set("k", { s: `${"é".repeat(2607)}a` }),
        { field: "value", rule: "size", actual: 5223, limit: 5222 },
      ],
    ];
    it.each(cases)("%s", async (_name, run, expected) => {
      const call = run();
      await expect(call).rejects.toBeInstanceOf(ExtensionDataValidationError);
      await expect(call).rejects.toBeInstanceOf(ExtensionDataError);
      await expect(call).rejects.toMatchObject(expected);
      expect(h.client.requests).toEqual([]);
    });
  });
});

describe("storage errors from Desk", () => {
  it("a manifest without storage: true gives an ExtensionDataApiError with Desk's message", async () => {
    const { noStorageManifestPath } = await import("./helpers.js");
    const h = await startHarness({ manifest: noStorageManifestPath, resources: {} }, {}, { config: {} });
    try {
      const set = createStorage(h.client).set("k", { a: 1 });
      await expect(set).rejects.toBeInstanceOf(ExtensionDataApiError);
      await expect(set).rejects.toMatchObject({
        operation: "storage.set",
        status: 403,
        errorCode: "STORAGE_NOT_ENABLED",
        deskMessage: 'storage is not enabled for this extension: add "storage": true to plugin-manifest.json',
        message: expect.stringContaining("@desk/extension-data: storage.set failed with status"),
      });
    } finally {
      await h.close();
    }
  });

  it("a failed batch names what was written and what was not", async () => {
    // One add per minute: the first batch goes through, the second is refused with 429 (POST is not retried).
    const h = await startHarness({ rateLimits: { add: 1 } });
    try {
      const storage = createStorage(h.client);
      const entries = Array.from({ length: 23 }, (_, i) => ({ key: `b:${i}`, value: { i } }));
      const write = storage.setMany(entries);
      await expect(write).rejects.toBeInstanceOf(BatchWriteError);
      await expect(write).rejects.toMatchObject({
        batchIndex: 1,
        batchCount: 3,
        writtenKeys: entries.slice(0, 10).map((e) => e.key),
        unwrittenKeys: entries.slice(10).map((e) => e.key),
        cause: expect.any(ExtensionDataApiError),
        message: expect.stringMatching(
          /^@desk\/extension-data: storage\.setMany: batch 2 of 3 failed after 10 items/,
        ),
      });
      expect(await storage.get("b:9")).toEqual({ i: 9 });
      expect(await storage.get("b:10")).toBeUndefined();
    } finally {
      await h.close();
    }
  });
});
