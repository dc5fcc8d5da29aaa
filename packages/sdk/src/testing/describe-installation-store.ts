import { describe, expect, it } from "vitest";
import { InstallationStoreError } from "../errors/installation-store-error.js";
import { SdkOptionsError } from "../errors/sdk-options-error.js";
import type { InstallationStore } from "../installation-store.js";
import { iterateInstallations } from "../iterate-installations.js";
import type { InstallationStoreOptions } from "../stores/create-installation-store.js";

/**
 * A store made for one conformance test, over data no other test uses.
 *
 * @example
 * const subject: StoreUnderTest = { store, readRaw: () => readFile(path, "utf8"), reopen: (o) => open(path, o) };
 */
export interface StoreUnderTest {
  readonly store: InstallationStore;
  /** Everything the store holds, as text (rows, keys, file): a sealed store's must hold no securityContext. */
  readonly readRaw?: () => Promise<string>;
  /** Another store over the same data with other options: a second process, a key rotation. */
  readonly reopen?: (options: InstallationStoreOptions) => Promise<InstallationStore> | InstallationStore;
}

/**
 * Options of {@link describeInstallationStore}.
 *
 * @example
 * describeInstallationStore("redis", create, { manyInstallations: 10_000, timeoutMs: 120_000 });
 */
export interface ConformanceOptions {
  /** How many installations the paging test saves and lists. Default 10,000. */
  manyInstallations?: number;
  /** Timeout of the slower tests, in ms. Default 120,000. */
  timeoutMs?: number;
}

// Two 32-byte keys (base64): test material only.
const KEY_A = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
const KEY_B = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";

const context = (label: string) => `sc-${label}-${"x".repeat(40)}`;

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

/**
 * The installation-store conformance suite, for vitest: registers a `describe` block of tests that every
 * {@link InstallationStore} must pass (save, get, delete and list semantics; concurrent saves of one org; an
 * uninstall racing a late install callback; long and unicode securityContexts; 10,000 installations in pages;
 * encryption at rest and key rotation when `readRaw` and `reopen` are given). `create` is called once per test
 * and must give a store over empty data; each store is closed after its test.
 *
 * @example
 * // my-store.test.ts
 * import { describeInstallationStore } from "@desk/sdk/testing";
 *
 * describeInstallationStore("my store", async (options) => {
 *   const table = `t_${crypto.randomUUID().replaceAll("-", "")}`;
 *   return { store: createMyStore({ table, ...options }), reopen: (again) => createMyStore({ table, ...again }) };
 * });
 */
export function describeInstallationStore(
  name: string,
  create: (options: InstallationStoreOptions) => Promise<StoreUnderTest> | StoreUnderTest,
  options: ConformanceOptions = {},
): void {
  const many = options.manyInstallations ?? 10_000;
  const slow = options.timeoutMs ?? 120_000;
  const opened: InstallationStore[] = [];
  const subject = async (storeOptions: InstallationStoreOptions = {}): Promise<StoreUnderTest> => {
    const made = await create(storeOptions);
    opened.push(made.store);
    return made;
  };
  const reopen = async (made: StoreUnderTest, storeOptions: InstallationStoreOptions) => {
    const store = await made.reopen!(storeOptions);
    opened.push(store);
    return store;
  };
  const test = (title: string, body: () => Promise<void>, timeout?: number) =>
    it(
      title,
      async () => {
        try {
          await body();
        } finally {
          await Promise.all(opened.splice(0).map((store) => store.close()));
        }
      },
      timeout,
    );

  describe(`installation store conformance: ${name}`, () => {
    test("an empty store has nothing to get, list or delete", async () => {
      const { store } = await subject();
      expect(await store.get("1")).toBeUndefined();
      expect(await store.list()).toEqual({ installations: [] });
      expect(await store.delete("1")).toBe(false);
    });

    test("saves, gets, replaces and deletes; records are copies", async () => {
      const { store } = await subject();
      const record = { orgId: "1001", securityContext: context("a") };
      expect(await store.save(record)).toBe(true);
      const got = await store.get("1001");
      expect(got).toEqual(record);
      expect(got).not.toBe(record);
      expect(await store.save({ orgId: "1001", securityContext: context("b") })).toBe(true);
      expect(await store.get("1001")).toEqual({ orgId: "1001", securityContext: context("b") });
      expect(await store.save({ orgId: "1002", securityContext: context("c") })).toBe(true);
      expect(await store.delete("1001")).toBe(true);
      expect(await store.delete("1001")).toBe(false);
      expect(await store.get("1001")).toBeUndefined();
      expect(await store.get("1002")).toEqual({ orgId: "1002", securityContext: context("c") });
    });

    test("lists in orgId order, in pages that say whether another follows", async () => {
      const { store } = await subject();
      for (const orgId of ["30", "100", "2", "7"])
        await store.save({ orgId, securityContext: context(orgId) });
      const first = await store.list({ limit: 3 });
      expect(first.installations.map((record) => record.orgId)).toEqual(["100", "2", "30"]);
      expect(first.next).toBe("30");
      expect(first.installations[0]).toEqual({ orgId: "100", securityContext: context("100") });
      expect(await store.list({ after: first.next, limit: 3 })).toEqual({
        installations: [{ orgId: "7", securityContext: context("7") }],
      });
      // A page that ends exactly at the last installation says so itself (no empty page after it).
      expect((await store.list({ limit: 4 })).next).toBeUndefined();
      expect((await store.list({ after: "7" })).installations).toEqual([]);
    });

    test("refuses bad arguments with InstallationStoreError naming field and rule, storing nothing", async () => {
      const { store } = await subject();
      await store.save({ orgId: "5", securityContext: context("kept") });
      const cases: [Promise<unknown>, string, string][] = [
        [store.save({ orgId: "org-5", securityContext: "x" }), "orgId", "digits"],
        [store.save({ orgId: 5 as unknown as string, securityContext: "x" }), "orgId", "digits"],
        [store.save({ orgId: "5", securityContext: "" }), "securityContext", "length"],
        [store.save({ orgId: "5", securityContext: "x".repeat(65_537) }), "securityContext", "length"],
        [store.save({ orgId: "5", securityContext: "a\u0000b" }), "securityContext", "characters"],
        [store.save({ orgId: "5", securityContext: "a\uD800b" }), "securityContext", "characters"],
        [store.save({ orgId: "5", securityContext: null as unknown as string }), "securityContext", "type"],
        [store.get("5' OR '1'='1"), "orgId", "digits"],
        [store.delete("*"), "orgId", "digits"],
        [store.list({ limit: 0 }), "limit", "range"],
        [store.list({ limit: 1001 }), "limit", "range"],
        [store.list({ limit: 1.5 }), "limit", "range"],
        [store.list({ after: "a:b" }), "after", "digits"],
      ];
      for (const [promise, field, rule] of cases) {
        const error = await errorOf(promise);
        expect(InstallationStoreError.isInstance(error), `${field} ${rule}`).toBe(true);
        expect(error).toMatchObject({ field, rule });
        expect((error as Error).message).not.toContain("sc-kept");
      }
      expect(await store.list()).toEqual({
        installations: [{ orgId: "5", securityContext: context("kept") }],
      });
    });

    test("keeps long and unicode securityContexts exactly", async () => {
      const { store } = await subject();
      const values = [
        "x".repeat(65_536),
        "é".repeat(30_000) + "😀".repeat(2_000),
        "Ωμέγα-安装-🔐-e\u0301-\u202Eevil\u202C-\uFEFF-'\";--\\n\\r%00",
        "a",
      ];
      for (const [i, value] of values.entries())
        await store.save({ orgId: `${i + 1}`, securityContext: value });
      for (const [i, value] of values.entries()) {
        expect((await store.get(`${i + 1}`))?.securityContext).toBe(value);
      }
      const listed = (await store.list()).installations.map((record) => record.securityContext);
      expect(listed).toEqual(values);
    });

    test("concurrent saves of one org: the store ends with exactly one of them, listed once", async () => {
      const { store } = await subject();
      const saved = Array.from({ length: 25 }, (_, i) => context(`race${i}`));
      await Promise.all(saved.map((securityContext) => store.save({ orgId: "42", securityContext })));
      const final = await store.get("42");
      expect(saved).toContain(final?.securityContext);
      expect((await store.list()).installations).toEqual([final]);
      expect(await store.save({ orgId: "42", securityContext: context("last") })).toBe(true);
      expect((await store.get("42"))?.securityContext).toBe(context("last"));
    });

    test("the uninstall wins over a late install callback of the same securityContext; a reinstall is saved", async () => {
      const { store } = await subject();
      // The install was saved, then uninstalled; its callback is delivered again late.
      await store.save({ orgId: "77", securityContext: context("first") });
      expect(await store.delete("77", { securityContext: context("first") })).toBe(true);
      expect(await store.save({ orgId: "77", securityContext: context("first") })).toBe(false);
      expect(await store.get("77")).toBeUndefined();
      // The uninstall arrived before its install callback.
      expect(await store.delete("78", { securityContext: context("early") })).toBe(false);
      expect(await store.save({ orgId: "78", securityContext: context("early") })).toBe(false);
      expect(await store.get("78")).toBeUndefined();
      // Without the uninstall's securityContext, the stored one is remembered.
      await store.save({ orgId: "79", securityContext: context("stored") });
      expect(await store.delete("79")).toBe(true);
      expect(await store.save({ orgId: "79", securityContext: context("stored") })).toBe(false);
      // A reinstall brings a new securityContext: saved, and the other orgs are not affected by 77's tombstone.
      expect(await store.save({ orgId: "77", securityContext: context("second") })).toBe(true);
      expect(await store.get("77")).toEqual({ orgId: "77", securityContext: context("second") });
      expect(await store.save({ orgId: "80", securityContext: context("first") })).toBe(true);
    });

    test("an uninstall racing its install in flight: whatever the order, the installation is gone", async () => {
      const { store } = await subject();
      for (let round = 0; round < 20; round++) {
        const orgId = `${500 + round}`;
        const securityContext = context(`flight${round}`);
        const save = store.save({ orgId, securityContext });
        const remove = store.delete(orgId, { securityContext });
        const [saved, removed] = await Promise.all(round % 2 ? [save, remove] : [save, remove].reverse());
        expect(typeof saved).toBe("boolean");
        expect(typeof removed).toBe("boolean");
        expect(await store.get(orgId)).toBeUndefined();
        expect(await store.save({ orgId, securityContext })).toBe(false);
      }
      expect(await store.list()).toEqual({ installations: [] });
    });

    test(
      `lists ${many} installations in pages, each at most the limit, every one exactly once`,
      async () => {
        const { store } = await subject();
        const ids = Array.from({ length: many }, (_, i) => `${1_000_000 + i}`);
        await inBatches(ids, 200, (orgId) => store.save({ orgId, securityContext: context(orgId) }));
        let pages = 0;
        let after: string | undefined;
        const seen: string[] = [];
        do {
          const page = await store.list({ after, limit: 250 });
          expect(page.installations.length).toBeLessThanOrEqual(250);
          pages++;
          for (const record of page.installations) seen.push(record.orgId);
          after = page.next;
        } while (after !== undefined);
        expect(pages).toBe(Math.ceil(many / 250));
        expect(seen).toEqual(ids);
        let counted = 0;
        for await (const record of iterateInstallations(store, { pageSize: 1000 })) {
          if (record.securityContext === context(record.orgId)) counted++;
        }
        expect(counted).toBe(many);
      },
      slow,
    );

    test("with encryption, opens what it sealed, and a second store on the same data reads it", async () => {
      const made = await subject({ encryption: { keys: [{ id: "k1", key: KEY_A }] } });
      await made.store.save({ orgId: "9", securityContext: context("sealed") });
      expect(await made.store.get("9")).toEqual({ orgId: "9", securityContext: context("sealed") });
      if (!made.reopen) return;
      const again = await reopen(made, { encryption: { keys: [{ id: "k1", key: KEY_A }] } });
      expect(await again.get("9")).toEqual({ orgId: "9", securityContext: context("sealed") });
    });

    test("with encryption, the raw data holds no securityContext; without, it does", async () => {
      const plain = await subject();
      if (!plain.readRaw) return;
      await plain.store.save({ orgId: "11", securityContext: context("visible") });
      expect(await plain.readRaw()).toContain(context("visible"));
      const sealed = await subject({ encryption: { keys: [{ id: "k1", key: KEY_A }] } });
      const secrets = ["é".repeat(40) + context("hidden"), context("hidden2")];
      await sealed.store.save({ orgId: "12", securityContext: secrets[0]! });
      await sealed.store.save({ orgId: "13", securityContext: secrets[1]! });
      await sealed.store.delete("13");
      const raw = await sealed.readRaw!();
      expect(raw).toContain("12");
      for (const secret of secrets) {
        expect(raw).not.toContain(secret);
        expect(raw).not.toContain("hidden");
      }
      expect(await sealed.store.get("12")).toEqual({ orgId: "12", securityContext: secrets[0] });
    });

    test("key rotation: old keys open, the first seals, a missing key or a tampered row is a typed error", async () => {
      const first = await subject({ encryption: { keys: [{ id: "old", key: KEY_A }] } });
      if (!first.reopen) return;
      await first.store.save({ orgId: "21", securityContext: context("r1") });
      await first.store.save({ orgId: "22", securityContext: context("r2") });
      const rotated = await reopen(first, {
        encryption: {
          keys: [
            { id: "new", key: KEY_B },
            { id: "old", key: KEY_A },
          ],
        },
      });
      expect(await rotated.get("21")).toEqual({ orgId: "21", securityContext: context("r1") });
      // Re-saving every installation moves it to the new key; then the old key can go.
      for await (const record of iterateInstallations(rotated)) await rotated.save(record);
      const newOnly = await reopen(first, { encryption: { keys: [{ id: "new", key: KEY_B }] } });
      expect((await newOnly.list()).installations.map((record) => record.securityContext)).toEqual([
        context("r1"),
        context("r2"),
      ]);
      await first.store.save({ orgId: "23", securityContext: context("r3") });
      const missing = await errorOf(newOnly.get("23"));
      expect(InstallationStoreError.isInstance(missing)).toBe(true);
      expect(missing).toMatchObject({ field: "keyId", rule: "unknown" });
      const wrongKey = await reopen(first, { encryption: { keys: [{ id: "old", key: KEY_B }] } });
      const tampered = await errorOf(wrongKey.get("23"));
      expect(tampered).toMatchObject({ field: "securityContext", rule: "integrity" });
      expect(String((tampered as Error).message)).not.toContain("r3");
      // An unsealed store cannot read sealed rows, and says why.
      const unsealed = await reopen(first, {});
      expect(await errorOf(unsealed.get("23"))).toMatchObject({ field: "keyId", rule: "unknown" });
    });

    test("malformed keys are refused with SdkOptionsError when the store is made, naming the key", async () => {
      const cases: [InstallationStoreOptions, string, string][] = [
        [{ encryption: { keys: [] } }, "encryption.keys", "required"],
        [{ encryption: { keys: [{ id: "k", key: "c2hvcnQ=" }] } }, "encryption.keys[0].key", "length"],
        [
          { encryption: { keys: [{ id: "k", key: new Uint8Array(16) }] } },
          "encryption.keys[0].key",
          "length",
        ],
        [{ encryption: { keys: [{ id: "a b", key: KEY_A }] } }, "encryption.keys[0].id", "format"],
        [
          {
            encryption: {
              keys: [
                { id: "k", key: KEY_A },
                { id: "k", key: KEY_B },
              ],
            },
          },
          "encryption.keys[1].id",
          "duplicate",
        ],
      ];
      for (const [storeOptions, field, rule] of cases) {
        const error = await errorOf(Promise.resolve().then(() => subject(storeOptions)));
        expect(SdkOptionsError.isInstance(error), field).toBe(true);
        expect(error).toMatchObject({ field, rule });
        expect((error as Error).message).not.toContain(KEY_A);
      }
    });
  });
}
