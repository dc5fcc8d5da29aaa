import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOG_TTL_MS, MASKED_CONFIG_VALUE, MY_PERMISSIONS_PATH } from "../src/index.js";
import { useEmulator } from "../src/testing.js";
import { fixtureManifest, fixtureResources } from "./helpers/fixture.js";
import { installationInvoker, invoker } from "./helpers/invoke.js";
import { startTestServer, type TestServer } from "./helpers/test-server.js";

const BASE = "https://desk.zoho.com/api/v1/installedExtensions/{{installationId}}";
const LOGS = "https://desk.zoho.com/api/v1/extensionLogs";

describe("config params, logs and my permissions (spec 2.2-2.4)", () => {
  let target: TestServer;
  let clock = Date.parse("2025-01-01T00:00:00.000Z");

  beforeAll(async () => {
    target = await startTestServer();
  });
  afterAll(async () => {
    await target.close();
  });
  const emulator = useEmulator(() => ({
    manifest: fixtureManifest({ whiteListedDomains: ["https://desk.zoho.com", target.origin] }),
    resources: fixtureResources(),
    now: () => clock,
    install: { config: { trackerToken: "s3cret-token" } },
  }));
  const call = installationInvoker(emulator);

  describe("config params", () => {
    it("GET answers every param, secure ones masked, defaults applied", async () => {
      const answer = await call({ requestURL: `${BASE}/configParams`, requestType: "GET" });
      expect(answer.target?.statusMessage).toEqual({
        data: [
          { name: "trackerBaseUrl", value: "https://tracker.example.com" },
          { name: "trackerToken", value: MASKED_CONFIG_VALUE },
        ],
      });
    });
    it("a secure value still substitutes into placeholders (real value)", async () => {
      const before = target.received.length;
      await call({
        requestURL: `${target.url}/x`,
        requestType: "GET",
        headers: '{"X-Token":"{{trackerToken}}"}',
      });
      expect(target.received[before]!.headers["x-token"]).toBe("s3cret-token");
    });
    it("POST {variables} adds or updates and answers them (masked)", async () => {
      const answer = await call({
        requestURL: `${BASE}/configParams`,
        requestType: "POST",
        postBody: JSON.stringify({
          variables: [
            { name: "trackerToken", value: "rotated" },
            { name: "lastSync", value: "2025-01-01" },
          ],
        }),
      });
      expect(answer.target?.statusMessage).toEqual({
        data: [
          { name: "trackerToken", value: MASKED_CONFIG_VALUE },
          { name: "lastSync", value: "2025-01-01" },
        ],
      });
      const before = target.received.length;
      await call({
        requestURL: `${target.url}/x`,
        requestType: "GET",
        headers: '{"X-Token":"{{trackerToken}}"}',
      });
      expect(target.received[before]!.headers["x-token"]).toBe("rotated");
    });
    it("POST refuses a non-string value, naming the field", async () => {
      const answer = await call({
        requestURL: `${BASE}/configParams`,
        requestType: "POST",
        postBody: '{"variables":[{"name":"a","value":1}]}',
      });
      expect(answer.target?.statusCode).toBe(422);
      expect(answer.target?.statusMessage).toMatchObject({ fieldName: "variables[0].value" });
    });
  });

  describe("logs", () => {
    const log = (body: Record<string, unknown>) =>
      call({
        requestURL: LOGS,
        requestType: "POST",
        postBody: JSON.stringify({ installationId: "{{installationId}}", ...body }),
      });

    it("answers the log with its ids, extension name and ISO time", async () => {
      const answer = await log({ title: "sync", description: "started" });
      const body = answer.target!.statusMessage as Record<string, unknown>;
      expect(body).toMatchObject({
        parentLogId: null,
        extensionName: "Issue Tracker Sync",
        title: "sync",
        description: "started",
        installationId: emulator.installation.installationId,
        logTime: "2025-01-01T00:00:00.000Z",
      });
      expect(typeof body["logId"]).toBe("string");
    });

    it("groups by reference: the first is the parent, 9 sub logs, the 11th refused", async () => {
      const first = (await log({ title: "t0", description: "d", reference: "run-1" })).target
        ?.statusMessage as {
        logId: string;
      };
      for (let i = 1; i < 10; i++) {
        const sub = (await log({ title: `t${i}`, description: "d", reference: "run-1" })).target
          ?.statusMessage;
        expect(sub).toMatchObject({ parentLogId: first.logId });
      }
      const eleventh = await log({ title: "t10", description: "d", reference: "run-1" });
      expect(eleventh.target?.statusCode).toBe(422);
      expect(eleventh.target?.statusMessage).toMatchObject({ fieldName: "reference" });
      expect((eleventh.target!.statusMessage as { message: string }).message).toContain("at most 10 logs");
    });

    it("refuses another installation's id in the body (403) and a missing title (422)", async () => {
      const other = await emulator.install();
      const forbidden = await call({
        requestURL: LOGS,
        requestType: "POST",
        postBody: JSON.stringify({ installationId: other.installationId, title: "x", description: "y" }),
      });
      expect(forbidden.target?.statusCode).toBe(403);
      const missing = await log({ description: "y" });
      expect(missing.target?.statusMessage).toMatchObject({
        errorCode: "UNPROCESSABLE_ENTITY",
        fieldName: "title",
      });
    });

    it("expire 3 days after logTime on the injectable clock", async () => {
      const admin = async () =>
        (
          (await (
            await fetch(
              `${emulator.url}/_emulator/logs?installationId=${emulator.installation.installationId}`,
            )
          ).json()) as {
            data: { title: string; subLogs: unknown[] }[];
          }
        ).data;
      const listed = await admin();
      expect(listed.map((entry) => entry.title)).toEqual(["t0", "sync"]);
      expect(listed[0]!.subLogs).toHaveLength(9);
      clock += LOG_TTL_MS - 1;
      expect(await admin()).toHaveLength(2);
      clock += 1;
      expect(await admin()).toEqual([]);
      // an expired group no longer counts: the reference can start again
      const again = await log({ title: "new", description: "d", reference: "run-1" });
      expect(again.target?.statusMessage).toMatchObject({ parentLogId: null });
    });
  });

  describe("my permissions", () => {
    const path = `https://desk.zoho.com${MY_PERMISSIONS_PATH.replace("{installationId}", "{{installationId}}")}`;
    it("answers each permission at its defaultState", async () => {
      const answer = await call({ requestURL: path, requestType: "GET" });
      expect(answer.target?.statusMessage).toEqual({
        data: [
          { apiName: "canEscalate", isEnabled: true },
          { apiName: "canUnlink", isEnabled: false },
        ],
      });
    });
    it("follows setPermissions, per installation", async () => {
      await emulator.setPermissions(emulator.installation.installationId, {
        canUnlink: true,
        canEscalate: false,
      });
      const answer = await call({ requestURL: path, requestType: "GET" });
      expect(answer.target?.statusMessage).toEqual({
        data: [
          { apiName: "canEscalate", isEnabled: false },
          { apiName: "canUnlink", isEnabled: true },
        ],
      });
      const other = await emulator.install({ permissions: { canUnlink: true } });
      const otherAnswer = await invoker(
        emulator.url,
        emulator.secret,
        other,
      )({ requestURL: path, requestType: "GET" });
      expect(otherAnswer.target?.statusMessage).toEqual({
        data: [
          { apiName: "canEscalate", isEnabled: true },
          { apiName: "canUnlink", isEnabled: true },
        ],
      });
    });
  });
});
