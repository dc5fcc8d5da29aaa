import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { createStorage, type Storage, StoredValueSchemaError } from "../src/index.js";
import { type Harness, startHarness } from "./helpers.js";

const Ticket = z.object({
  state: z.enum(["open", "closed"]),
  issue: z.string().regex(/^TRK-\d+$/),
  count: z.number().int().default(0),
});

describe("typed storage views", () => {
  let h: Harness;
  let storage: Storage;
  let tickets: Storage<z.output<typeof Ticket>>;

  beforeAll(async () => {
    h = await startHarness({ rateLimits: false });
    storage = createStorage(h.client);
    tickets = storage.typed(Ticket);
  });
  afterAll(() => h?.close());
  beforeEach(() => {
    h.client.requests.length = 0;
  });

  it("writes and reads a value that matches, typed", async () => {
    const stored = await tickets.set(
      "t:1",
      { state: "open", issue: "TRK-1", count: 2 },
      { queriableValue: "t" },
    );
    expect(stored.value).toEqual({ state: "open", issue: "TRK-1", count: 2 });
    const value = await tickets.get("t:1");
    expect(value?.state).toBe("open");
    expect(value).toEqual({ state: "open", issue: "TRK-1", count: 2 });
  });

  it("writes the schema's output: defaults filled, unknown keys stripped", async () => {
    await tickets.set("t:2", { state: "closed", issue: "TRK-2", extra: "dropped" } as never);
    expect(await storage.get("t:2")).toEqual({ state: "closed", issue: "TRK-2", count: 0 });
  });

  it("refuses a value that does not match on write, before any call", async () => {
    const set = tickets.set("t:3", { state: "pending", issue: "X" } as never);
    await expect(set).rejects.toBeInstanceOf(StoredValueSchemaError);
    await expect(set).rejects.toMatchObject({
      key: "t:3",
      phase: "write",
      issues: [expect.stringMatching(/^state:/), expect.stringMatching(/^issue:/)],
      message: expect.stringMatching(
        /^@desk\/extension-data: value of key "t:3" does not match the schema on write/,
      ),
    });
    expect(h.client.requests).toEqual([]);
  });

  it("setMany checks every item against the schema first", async () => {
    await expect(
      tickets.setMany([
        { key: "m:1", value: { state: "open", issue: "TRK-5", count: 0 } },
        { key: "m:2", value: { state: "nope", issue: "TRK-6", count: 0 } as never },
      ]),
    ).rejects.toMatchObject({ key: "m:2", phase: "write" });
    expect(h.client.requests).toEqual([]);
  });

  it("a stored value that no longer matches is an error on read, never passed through", async () => {
    await storage.set("t:old", { state: "archived", issue: "TRK-9" }, { queriableValue: "mixed" });
    await storage.set("t:new", { state: "open", issue: "TRK-10", count: 1 }, { queriableValue: "mixed" });
    const get = tickets.get("t:old");
    await expect(get).rejects.toBeInstanceOf(StoredValueSchemaError);
    await expect(get).rejects.toMatchObject({
      key: "t:old",
      phase: "read",
      issues: [expect.stringMatching(/^state: /)],
    });
    await expect(tickets.query({ queriableValue: "mixed" })).rejects.toMatchObject({
      key: "t:old",
      phase: "read",
    });
  });

  it("query and iterate answer typed items", async () => {
    await tickets.setMany(
      Array.from({ length: 5 }, (_, i) => ({
        key: `it:${i}`,
        value: { state: "open" as const, issue: `TRK-${i}`, count: i },
        queriableValue: "typedIter",
      })),
    );
    let sum = 0;
    for await (const item of tickets.iterate({ queriableValue: "typedIter", pageSize: 2 }))
      sum += item.value.count;
    expect(sum).toBe(10);
    const page = await tickets.query({ queriableValue: "typedIter", limit: 5 });
    expect(page.items.map((item) => item.value.issue).sort()).toEqual([
      "TRK-0",
      "TRK-1",
      "TRK-2",
      "TRK-3",
      "TRK-4",
    ]);
  });

  it("deletes through the view", async () => {
    await tickets.set("t:del", { state: "open", issue: "TRK-11", count: 0 });
    expect(await tickets.delete("t:del")).toBe(true);
    expect(await tickets.get("t:del")).toBeUndefined();
  });
});
