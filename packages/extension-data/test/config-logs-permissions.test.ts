import { DeskError } from "@desk/invoke-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  CONFIG_PARAMS_PATH,
  createExtensionData,
  EXTENSION_LOGS_PATH,
  type ExtensionData,
  ExtensionDataApiError,
  ExtensionDataValidationError,
  LogGroupFullError,
  MY_PERMISSIONS_PATH,
  UnknownPermissionError,
} from "../src/index.js";
import { type Harness, startHarness } from "./helpers.js";

describe("config, logs and permissions against the emulator", () => {
  let h: Harness;
  let data: ExtensionData;

  beforeAll(async () => {
    h = await startHarness(
      {},
      {},
      { config: { trackerUrl: "https://tracker.example.com", trackerToken: "s3cret-t0ken" } },
    );
    data = createExtensionData(h.client);
  });
  afterAll(() => h?.close());
  beforeEach(() => {
    h.client.requests.length = 0;
  });

  describe("config params", () => {
    it("getAll tells the masked secure value apart and never holds the secret", async () => {
      const params = await data.config.getAll();
      expect(params).toEqual({
        trackerUrl: { value: "https://tracker.example.com", masked: false },
        trackerToken: { value: "********", masked: true },
      });
      expect(JSON.stringify(params)).not.toContain("s3cret-t0ken");
      expect(h.client.requests).toEqual([
        { url: `https://desk.zoho.com${CONFIG_PARAMS_PATH}`, method: "GET", throwOnTargetError: false },
      ]);
    });

    it("set updates several params at once", async () => {
      await data.config.set({ trackerUrl: "https://tracker.example.org", trackerToken: "n3w" });
      expect(h.client.requests[0]?.body).toEqual({
        variables: [
          { name: "trackerUrl", value: "https://tracker.example.org" },
          { name: "trackerToken", value: "n3w" },
        ],
      });
      expect(await data.config.getAll()).toEqual({
        trackerUrl: { value: "https://tracker.example.org", masked: false },
        trackerToken: { value: "********", masked: true },
      });
    });

    it("secureParams marks a param masked whatever its value looks like", async () => {
      const config = createExtensionData(h.client, { secureParams: ["trackerUrl"] }).config;
      expect((await config.getAll())["trackerUrl"]).toEqual({
        value: "https://tracker.example.org",
        masked: true,
      });
    });

    it("set refuses an empty record, an empty name and a non-string value before any call", async () => {
      await expect(data.config.set({})).rejects.toMatchObject({ field: "values", rule: "count" });
      await expect(data.config.set({ "": "x" })).rejects.toMatchObject({ field: "name", rule: "length" });
      await expect(data.config.set({ trackerUrl: 5 as never })).rejects.toMatchObject({
        field: "trackerUrl",
        rule: "type",
      });
      expect(h.client.requests).toEqual([]);
    });
  });

  describe("logs", () => {
    it("add answers the typed log, with the installation id substituted by Desk", async () => {
      const entry = await data.logs.add({ title: "synced", description: "42 tickets" });
      expect(entry).toEqual({
        logId: expect.any(String),
        parentLogId: null,
        extensionName: "extension-data-tests",
        title: "synced",
        description: "42 tickets",
        installationId: h.installationId,
        logTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/),
      });
      expect(h.client.requests).toEqual([
        {
          url: `https://desk.zoho.com${EXTENSION_LOGS_PATH}`,
          method: "POST",
          body: { title: "synced", description: "42 tickets", installationId: "{{installationId}}" },
          throwOnTargetError: false,
        },
      ]);
    });

    it("a group makes the first entry the parent and refuses an 11th client-side", async () => {
      const group = data.logs.group();
      expect(group.reference).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      const entries = [];
      for (let i = 0; i < 10; i++)
        entries.push(await group.add({ title: `step ${i}`, description: `d${i}` }));
      expect(group.size).toBe(10);
      const parent = entries[0]!;
      expect(parent.parentLogId).toBeNull();
      expect(entries.slice(1).every((entry) => entry.parentLogId === parent.logId)).toBe(true);
      expect(
        h.client.requests.every((r) => (r.body as { reference: string }).reference === group.reference),
      ).toBe(true);

      h.client.requests.length = 0;
      const add = group.add({ title: "step 10", description: "one too many" });
      await expect(add).rejects.toBeInstanceOf(LogGroupFullError);
      await expect(add).rejects.toMatchObject({ reference: group.reference, max: 10 });
      expect(h.client.requests).toEqual([]);
    });

    it("concurrent adds to one group cannot pass 10 together", async () => {
      const group = data.logs.group("concurrent-ref");
      const outcomes = await Promise.allSettled(
        Array.from({ length: 12 }, (_, i) => group.add({ title: `c${i}`, description: "" })),
      );
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(10);
      const refused = outcomes.filter((o) => o.status === "rejected");
      expect(refused.every((o) => LogGroupFullError.isInstance(o.reason))).toBe(true);
      expect(h.client.requests).toHaveLength(10);
    });

    it("Desk's own refusal of an 11th log with one reference is an ExtensionDataApiError", async () => {
      const reference = "shared-reference";
      for (let i = 0; i < 10; i++) await data.logs.add({ title: `r${i}`, description: "", reference });
      const add = data.logs.add({ title: "r10", description: "", reference });
      await expect(add).rejects.toBeInstanceOf(ExtensionDataApiError);
      await expect(add).rejects.toMatchObject({
        operation: "logs.add",
        status: 422,
        errorCode: "UNPROCESSABLE_ENTITY",
        data: { fieldName: "reference" },
      });
    });

    it("refuses an empty title and a non-string description before any call", async () => {
      const empty = data.logs.add({ title: "", description: "x" });
      await expect(empty).rejects.toBeInstanceOf(ExtensionDataValidationError);
      await expect(empty).rejects.toMatchObject({ field: "title", rule: "length", actual: 0, limit: 1 });
      await expect(data.logs.add({ title: "t", description: 1 as never })).rejects.toMatchObject({
        field: "description",
        rule: "type",
      });
      expect(() => data.logs.group("")).toThrow(ExtensionDataValidationError);
      expect(h.client.requests).toEqual([]);
    });
  });

  describe("my permissions", () => {
    it("list answers every permission with its default state", async () => {
      expect(await data.permissions.list()).toEqual([
        { apiName: "canEscalate", isEnabled: true },
        { apiName: "canConfigure", isEnabled: false },
        { apiName: "canViewLogs", isEnabled: true },
      ]);
      expect(h.client.requests).toEqual([
        { url: `https://desk.zoho.com${MY_PERMISSIONS_PATH}`, method: "GET", throwOnTargetError: false },
      ]);
    });

    it("isEnabled follows the installation's state", async () => {
      expect(await data.permissions.isEnabled("canConfigure")).toBe(false);
      await h.emulator.setPermissions(h.installationId, { canConfigure: true, canEscalate: false });
      expect(await data.permissions.isEnabled("canConfigure")).toBe(true);
      expect(await data.permissions.isEnabled("canEscalate")).toBe(false);
    });

    it("isEnabled of an unknown apiName is an UnknownPermissionError listing the known ones", async () => {
      const check = data.permissions.isEnabled("canEscalte");
      await expect(check).rejects.toBeInstanceOf(UnknownPermissionError);
      await expect(check).rejects.toSatisfy((error) => DeskError.isInstance(error));
      await expect(check).rejects.toMatchObject({
        apiName: "canEscalte",
        known: ["canEscalate", "canConfigure", "canViewLogs"],
      });
    });
  });
});
