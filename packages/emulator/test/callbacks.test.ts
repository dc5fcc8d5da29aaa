import { verifyCallback } from "@desk/hash";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveStartOptions } from "../src/cli/resolve-start-options.js";
import { OUTGOING_USER_AGENT, startEmulator } from "../src/index.js";
import { useEmulator } from "../src/testing.js";
import { FIXTURE_SECRET, fixtureManifest, fixtureResources } from "./helpers/fixture.js";
import { invoker } from "./helpers/invoke.js";
import { closedPortUrl, startTestServer, type TestServer } from "./helpers/test-server.js";

const STORAGE = "https://desk.zoho.com/api/v1/installedExtensions/{{installationId}}/storage";

describe("platform event callbacks (spec 4)", () => {
  let listener: TestServer;

  beforeAll(async () => {
    listener = await startTestServer((request, response) => {
      response.writeHead(request.url === "/fail" ? 500 : 200);
      response.end();
    });
  });
  afterAll(async () => {
    await listener.close();
  });
  const emulator = useEmulator(() => ({
    manifest: fixtureManifest({
      callbackListener: {
        onInstall: `${listener.url}/install`,
        onZohoAuthorise: `${listener.url}/authorise`,
        onUninstall: `${listener.url}/uninstall`,
        onConfigParamAdd: `${listener.url}/config`,
        onConfigParamDelete: `${listener.url}/config-delete`,
        onUpdate: `${listener.url}/fail`,
      },
    }),
    resources: fixtureResources(),
  }));

  const receivedAt = (path: string) => listener.received.filter((request) => request.url === path);

  it("install sends a signed onInstall, then onZohoAuthorise; the HASH verifies over the raw bytes", async () => {
    const installation = await emulator.install({ orgId: "387238" });
    expect(installation.callbacks.map((outcome) => [outcome.event, outcome.status, outcome.ok])).toEqual([
      ["onInstall", 200, true],
      ["onZohoAuthorise", 200, true],
    ]);
    const request = receivedAt("/install").at(-1)!;
    expect(request.headers["content-type"]).toBe("application/json");
    // Headers of its own: the named User-Agent, and none of fetch's browser-like defaults.
    expect(Object.keys(request.headers).sort()).toEqual([
      "connection",
      "content-length",
      "content-type",
      "hash",
      "host",
      "user-agent",
    ]);
    expect(request.headers["user-agent"]).toBe(OUTGOING_USER_AGENT);
    const verdict = await verifyCallback(FIXTURE_SECRET, request.body, request.headers["hash"] as string);
    expect(verdict).toEqual({ valid: true, secretIndex: 0 });
    expect(JSON.parse(request.body.toString())).toEqual({
      event: "onInstall",
      orgId: 387238,
      securityContext: installation.securityContext,
    });
    expect(receivedAt("/authorise")).toHaveLength(1);
  });

  it('callbackOrgId: "string" sends orgId as a JSON string (as Zoho\'s handler code reads it)', async () => {
    const stringly = await startEmulator({
      manifest: fixtureManifest({ callbackListener: { onInstall: `${listener.url}/install-string` } }),
      port: 0,
      db: ":memory:",
      callbackOrgId: "string",
    });
    try {
      const installation = await stringly.install({ orgId: "387238" });
      expect(JSON.parse(receivedAt("/install-string").at(-1)!.body.toString())).toEqual({
        event: "onInstall",
        orgId: "387238",
        securityContext: installation.securityContext,
      });
    } finally {
      await stringly.close();
    }
  });

  it("--callback-org-id and emulator.json's callbackOrgId set the option; anything else is a usage error", async () => {
    expect((await resolveStartOptions({ "callback-org-id": "string" }, process.cwd())).callbackOrgId).toBe(
      "string",
    );
    expect((await resolveStartOptions({}, process.cwd())).callbackOrgId).toBeUndefined();
    await expect(resolveStartOptions({ "callback-org-id": "int" }, process.cwd())).rejects.toThrow(
      '--callback-org-id must be "number" or "string", got "int"',
    );
  });

  it("the securityContext of the callback works for invoke calls", async () => {
    const installation = await emulator.install();
    const body = JSON.parse(receivedAt("/install").at(-1)!.body.toString()) as {
      orgId: number;
      securityContext: string;
    };
    const answer = await invoker(emulator.url, emulator.secret, {
      orgId: String(body.orgId),
      securityContext: body.securityContext,
    })({ requestURL: STORAGE, requestType: "GET", queryParams: '{"key":"a"}' });
    expect(answer.status).toBe(200);
    expect(body.securityContext).toBe(installation.securityContext);
  });

  it("a config change sends onConfigParamAdd; clearing a value sends onConfigParamDelete", async () => {
    const installation = await emulator.install();
    const before = receivedAt("/config").length;
    await emulator.setConfig(installation.installationId, { trackerToken: "new" });
    expect(receivedAt("/config")).toHaveLength(before + 1);
    await emulator.setConfig(installation.installationId, { trackerToken: "" });
    expect(JSON.parse(receivedAt("/config-delete").at(-1)!.body.toString())).toMatchObject({
      event: "onConfigParamDelete",
    });
  });

  it("trigger sends a string payload byte for byte, signed over those bytes", async () => {
    const installation = await emulator.install();
    const payload = '{ "event":"onUpdate",  "custom": "é" }';
    const outcome = await emulator.trigger("onUpdate", {
      installationId: installation.installationId,
      payload,
    });
    expect(outcome).toMatchObject({ event: "onUpdate", status: 500, ok: false, url: `${listener.url}/fail` });
    const request = receivedAt("/fail").at(-1)!;
    expect(request.body.toString()).toBe(payload);
    expect(
      (await verifyCallback(FIXTURE_SECRET, request.body, request.headers["hash"] as string)).valid,
    ).toBe(true);
  });

  it("trigger merges an object payload over the default body", async () => {
    const installation = await emulator.install({ orgId: "org-a" });
    await emulator.trigger("onInstall", {
      installationId: installation.installationId,
      payload: { extra: 1 },
    });
    expect(JSON.parse(receivedAt("/install").at(-1)!.body.toString())).toEqual({
      event: "onInstall",
      orgId: "org-a",
      securityContext: installation.securityContext,
      extra: 1,
    });
  });

  it("an event nobody listens for is recorded as skipped", async () => {
    const installation = await emulator.install();
    const outcome = await emulator.trigger("onTPARevoke", {
      installationId: installation.installationId,
    });
    expect(outcome).toMatchObject({ event: "onTPARevoke", url: null, status: null, skipped: true });
  });

  it("uninstall sends onUninstall, then removes the installation's data", async () => {
    const installation = await emulator.install();
    const call = invoker(emulator.url, emulator.secret, installation);
    await call({
      requestURL: STORAGE,
      requestType: "POST",
      postBody: '{"key":"a","queriableValue":"q","value":{}}',
    });
    await emulator.uninstall(installation.installationId);
    expect(JSON.parse(receivedAt("/uninstall").at(-1)!.body.toString())).toMatchObject({
      event: "onUninstall",
    });
    const response = await fetch(
      `${emulator.url}/_emulator/callbacks?installationId=${installation.installationId}`,
    );
    const outcomes = ((await response.json()) as { data: { event: string }[] }).data.map(
      (outcome) => outcome.event,
    );
    expect(outcomes).toEqual(["onInstall", "onZohoAuthorise", "onUninstall"]);
    expect((await call({ requestURL: STORAGE, requestType: "GET", queryParams: '{"key":"a"}' })).status).toBe(
      401,
    );
  });

  it("an unreachable listener is recorded with its error, never thrown", async () => {
    const dead = await startEmulator({
      manifest: fixtureManifest({ callbackListener: { onInstall: `${await closedPortUrl()}/cb` } }),
      resources: fixtureResources(),
      port: 0,
      db: ":memory:",
    });
    try {
      const installation = await dead.install();
      expect(installation.callbacks[0]).toMatchObject({
        event: "onInstall",
        status: null,
        ok: false,
        error: "ECONNREFUSED",
      });
    } finally {
      await dead.close();
    }
  });
});
