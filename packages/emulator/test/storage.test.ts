import { describe, expect, it } from "vitest";
import { STORAGE_LIMITS, startEmulator } from "../src/index.js";
import { useEmulator } from "../src/testing.js";
import { fixtureManifest, fixtureResources } from "./helpers/fixture.js";
import { installationInvoker, invoker } from "./helpers/invoke.js";

const STORAGE = "https://desk.zoho.com/api/v1/installedExtensions/{{installationId}}/storage";

describe("storage API (spec 2.1)", () => {
  const clock = 1_700_000_000_000;

  const add = (body: unknown) =>
    call({ requestURL: STORAGE, requestType: "POST", postBody: JSON.stringify(body) });
  const get = (query: Record<string, unknown>) =>
    call({ requestURL: STORAGE, requestType: "GET", queryParams: JSON.stringify(query) });
  const del = (query: Record<string, unknown>) =>
    call({ requestURL: STORAGE, requestType: "DELETE", queryParams: JSON.stringify(query) });

  const emulator = useEmulator({
    manifest: fixtureManifest(),
    resources: fixtureResources(),
    now: () => clock,
    rateLimits: { add: 1000, get: 1000, delete: 1000 },
    install: true,
  });
  const call = installationInvoker(emulator);

  it("adds one object and answers it; adding the same key replaces it", async () => {
    expect(
      (await add({ key: "t:1", queriableValue: "open", value: { n: 1 } })).target?.statusMessage,
    ).toEqual({
      key: "t:1",
      queriableValue: "open",
      value: { n: 1 },
    });
    await add({ key: "t:1", queriableValue: "closed", value: { n: 2 } });
    expect((await get({ key: "t:1" })).target?.statusMessage).toEqual({
      data: [{ key: "t:1", queriableValue: "closed", value: { n: 2 } }],
    });
  });

  it("adds an array of up to 10 and answers {data: [...]}", async () => {
    const items = Array.from({ length: 10 }, (_, i) => ({
      key: `b_${i}`,
      queriableValue: "batch",
      value: { i },
    }));
    const answer = await add(items);
    expect(answer.target?.statusCode).toBe(200);
    expect((answer.target!.statusMessage as { data: unknown[] }).data).toHaveLength(10);
  });

  it("gets by queriableValue ordered by key, 20 by default, with from (0-based) and limit", async () => {
    const items = Array.from({ length: 25 }, (_, i) => ({
      key: `p_${String(i).padStart(2, "0")}`,
      queriableValue: "paged",
      value: { i },
    }));
    for (let i = 0; i < items.length; i += 10) await add(items.slice(i, i + 10));
    const first = (await get({ queriableValue: "paged" })).target!.statusMessage as {
      data: { key: string }[];
    };
    expect(first.data.map((item) => item.key)).toEqual(items.slice(0, 20).map((item) => item.key));
    const second = (await get({ queriableValue: "paged", from: 20, limit: 10 })).target!.statusMessage as {
      data: { key: string }[];
    };
    expect(second.data.map((item) => item.key)).toEqual(["p_20", "p_21", "p_22", "p_23", "p_24"]);
  });

  it("matches key AND queriableValue when both are given", async () => {
    expect(
      ((await get({ key: "p_01", queriableValue: "paged" })).target!.statusMessage as { data: [] }).data,
    ).toHaveLength(1);
    expect(
      ((await get({ key: "p_01", queriableValue: "batch" })).target!.statusMessage as { data: [] }).data,
    ).toHaveLength(0);
  });

  it("deletes by key or queriableValue and answers the deleted keys", async () => {
    expect((await del({ key: "b_0" })).target?.statusMessage).toEqual({ data: ["b_0"] });
    const rest = (await del({ queriableValue: "batch" })).target!.statusMessage as { data: string[] };
    expect(rest.data).toEqual(["b_1", "b_2", "b_3", "b_4", "b_5", "b_6", "b_7", "b_8", "b_9"]);
    expect((await get({ queriableValue: "batch" })).target?.statusMessage).toEqual({ data: [] });
  });

  describe("every limit answers 422 inside the 200, naming the field and the rule", () => {
    const refused = async (answer: Awaited<ReturnType<typeof add>>, fieldName: string, text: string) => {
      expect(answer.status).toBe(200);
      expect(answer.target?.statusCode).toBe(422);
      expect(answer.target?.status).toBe("false");
      expect(answer.target?.statusMessage).toMatchObject({ errorCode: "UNPROCESSABLE_ENTITY", fieldName });
      expect((answer.target!.statusMessage as { message: string }).message).toContain(text);
    };
    it("key of 50 characters passes, 51 is refused", async () => {
      expect((await add({ key: "k".repeat(50), queriableValue: "q", value: {} })).target?.statusCode).toBe(
        200,
      );
      await refused(
        await add({ key: "k".repeat(51), queriableValue: "q", value: {} }),
        "key",
        "got 51 characters",
      );
    });
    it("key with a character outside letters, digits , _ :", async () => {
      expect((await add({ key: "a,b_c:D9", queriableValue: "q", value: {} })).target?.statusCode).toBe(200);
      await refused(await add({ key: "a-b", queriableValue: "q", value: {} }), "key", "letters, digits");
      await refused(await add({ key: "", queriableValue: "q", value: {} }), "key", "got 0 characters");
    });
    it("queriableValue is required on add and follows the key rule", async () => {
      await refused(await add({ key: "k", value: {} }), "queriableValue", "must be a string");
      await refused(
        await add({ key: "k", queriableValue: "a b", value: {} }),
        "queriableValue",
        "letters, digits",
      );
    });
    it("value must be a JSON object", async () => {
      await refused(await add({ key: "k", queriableValue: "q", value: [1] }), "value", "got an array");
      await refused(await add({ key: "k", queriableValue: "q", value: "s" }), "value", "got string");
      await refused(await add({ key: "k", queriableValue: "q", value: null }), "value", "got null");
    });
    it(`value of ${STORAGE_LIMITS.valueMaxBytes} UTF-8 bytes passes, one more is refused (multi-byte counted)`, async () => {
      // {"s":"..."} is 8 bytes of frame; "é" is 2 bytes in UTF-8.
      const fits = { s: "é".repeat((STORAGE_LIMITS.valueMaxBytes - 8) / 2) };
      expect(Buffer.byteLength(JSON.stringify(fits))).toBe(5222);
      expect((await add({ key: "big", queriableValue: "q", value: fits })).target?.statusCode).toBe(200);
      const over = { s: `${fits.s}x` };
      await refused(await add({ key: "big", queriableValue: "q", value: over }), "value", "got 5223");
    });
    it("at most 10 objects per add call, at least one", async () => {
      const eleven = Array.from({ length: 11 }, (_, i) => ({ key: `e${i}`, queriableValue: "q", value: {} }));
      await refused(await add(eleven), "body", "at most 10 objects per add call (got 11)");
      await refused(await add([]), "body", "at least one");
    });
    it("an invalid item of a batch is named by its index and nothing is stored", async () => {
      const batch = [
        { key: "ok1", queriableValue: "atomic", value: {} },
        { key: "bad key", queriableValue: "atomic", value: {} },
      ];
      await refused(await add(batch), "key", "item 1: key");
      expect((await get({ queriableValue: "atomic" })).target?.statusMessage).toEqual({ data: [] });
    });
    it("get and delete need key or queriableValue", async () => {
      await refused(await get({ from: 0 }), "key", "key or queriableValue is required");
      await refused(await del({}), "key", "key or queriableValue is required");
    });
    it("limit is 1 to 100, from an integer ≥ 0", async () => {
      expect((await get({ queriableValue: "paged", limit: 100 })).target?.statusCode).toBe(200);
      await refused(await get({ queriableValue: "paged", limit: 101 }), "limit", "1 to 100");
      await refused(await get({ queriableValue: "paged", limit: 0 }), "limit", "1 to 100");
      await refused(await get({ queriableValue: "paged", from: -1 }), "from", "≥ 0");
    });
  });

  describe("isolation", () => {
    it("one installation never sees another's data", async () => {
      const other = await emulator.install();
      const otherCall = invoker(emulator.url, emulator.secret, other);
      await otherCall({
        requestURL: STORAGE,
        requestType: "POST",
        postBody: JSON.stringify({ key: "mine", queriableValue: "secret", value: { owner: "other" } }),
      });
      expect((await get({ queriableValue: "secret" })).target?.statusMessage).toEqual({ data: [] });
      expect((await get({ key: "mine" })).target?.statusMessage).toEqual({ data: [] });
    });
    it("a literal installation id that is not the caller's is refused with 403", async () => {
      const other = await emulator.install();
      const answer = await call({
        requestURL: STORAGE.replace("{{installationId}}", other.installationId),
        requestType: "GET",
        queryParams: '{"key":"mine"}',
      });
      expect(answer.target?.statusCode).toBe(403);
      expect(answer.target?.statusMessage).toMatchObject({ errorCode: "FORBIDDEN" });
    });
    it("the caller's own id written literally works", async () => {
      const answer = await call({
        requestURL: STORAGE.replace("{{installationId}}", emulator.installation.installationId),
        requestType: "GET",
        queryParams: '{"key":"t:1"}',
      });
      expect(answer.target?.statusCode).toBe(200);
    });
    it("an orgId header naming another org is refused with 403", async () => {
      const answer = await call({
        requestURL: STORAGE,
        requestType: "GET",
        queryParams: '{"key":"t:1"}',
        headers: '{"orgId":"1"}',
      });
      expect(answer.target?.statusCode).toBe(403);
      const same = await call({
        requestURL: STORAGE,
        requestType: "GET",
        queryParams: '{"key":"t:1"}',
        headers: JSON.stringify({ orgId: emulator.installation.orgId }),
      });
      expect(same.target?.statusCode).toBe(200);
    });
  });
});

describe("storage: rate limits and the manifest switch", () => {
  let clock = 1_700_000_000_000;
  const emulator = useEmulator({
    manifest: fixtureManifest(),
    resources: fixtureResources(),
    now: () => clock,
  });

  it("the 51st add in a minute arrives as statusCode 429 with Retry-After in responseHeaders", async () => {
    const installation = await emulator.install();
    const call = invoker(emulator.url, emulator.secret, installation);
    const add = (i: number) =>
      call({
        requestURL: STORAGE,
        requestType: "POST",
        postBody: JSON.stringify({ key: `k${i}`, queriableValue: "q", value: {} }),
      });
    for (let i = 0; i < 50; i++) expect((await add(i)).target?.statusCode).toBe(200);
    clock += 15_000;
    const limited = await add(50);
    expect(limited.status).toBe(200);
    expect(limited.target?.statusCode).toBe(429);
    expect(limited.target?.headers["Retry-After"]).toBe("45");
    expect(limited.target?.statusMessage).toMatchObject({ errorCode: "RATE_LIMIT_EXCEEDED" });
    // gets have their own budget
    const get = await call({ requestURL: STORAGE, requestType: "GET", queryParams: '{"key":"k1"}' });
    expect(get.target?.statusCode).toBe(200);
    clock += 45_000;
    expect((await add(51)).target?.statusCode).toBe(200);
  });

  it("250 gets and 50 deletes per minute", async () => {
    const installation = await emulator.install();
    const call = invoker(emulator.url, emulator.secret, installation);
    const get = () => call({ requestURL: STORAGE, requestType: "GET", queryParams: '{"key":"x"}' });
    const del = () => call({ requestURL: STORAGE, requestType: "DELETE", queryParams: '{"key":"x"}' });
    for (let i = 0; i < 250; i++) await get();
    expect((await get()).target?.statusCode).toBe(429);
    for (let i = 0; i < 50; i++) await del();
    expect((await del()).target?.statusCode).toBe(429);
  });

  it("without storage: true in the manifest, the error says so", async () => {
    const plain = await startEmulator({
      manifest: fixtureManifest({ storage: false }),
      resources: fixtureResources(),
      port: 0,
      db: ":memory:",
    });
    try {
      const installation = await plain.install();
      const answer = await invoker(
        plain.url,
        plain.secret,
        installation,
      )({
        requestURL: STORAGE,
        requestType: "GET",
        queryParams: '{"key":"x"}',
      });
      expect(answer.target?.statusCode).toBe(403);
      expect(answer.target?.statusMessage).toMatchObject({ errorCode: "STORAGE_NOT_ENABLED" });
      expect((answer.target!.statusMessage as { message: string }).message).toContain('"storage": true');
    } finally {
      await plain.close();
    }
  });
});
