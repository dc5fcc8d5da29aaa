import { describe, expect, it } from "vitest";
import { startEmulator } from "../src/index.js";
import { useEmulator } from "../src/testing.js";
import { fixtureManifest, fixtureResources } from "./helpers/fixture.js";
import { invoker } from "./helpers/invoke.js";

describe("admin HTTP API (/_emulator)", () => {
  const request = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${emulator.url}/_emulator${path}`, {
      method,
      headers: { "Content-Type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  const emulator = useEmulator({
    manifest: fixtureManifest({ callbackListener: {} }),
    resources: fixtureResources(),
    now: () => Date.parse("2025-02-03T04:05:06.000Z"),
  });

  it("GET /health", async () => {
    expect(await request("GET", "/health")).toEqual({
      status: 200,
      body: { ok: true, version: "0.1.0", extension: "Issue Tracker Sync" },
    });
  });

  it("POST /installations returns the securityContext once; GET lists without it", async () => {
    const created = await request("POST", "/installations", { orgId: "42", config: { trackerToken: "x" } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ orgId: "42" });
    expect(typeof created.body["securityContext"]).toBe("string");
    const listed = await request("GET", "/installations");
    expect(listed.body["data"]).toEqual([
      {
        installationId: created.body["installationId"],
        orgId: "42",
        installedAt: "2025-02-03T04:05:06.000Z",
      },
    ]);
    expect(JSON.stringify(listed.body)).not.toContain(created.body["securityContext"] as string);
    const call = invoker(
      emulator.url,
      emulator.secret,
      created.body as { orgId: string; securityContext: string },
    );
    const answer = await call({
      requestURL: "https://desk.zoho.com/api/v1/installedExtensions/{{installationId}}/configParams",
      requestType: "GET",
    });
    expect(answer.status).toBe(200);
  });

  it("refuses a second installation in the same org, an unknown config param and a missing mandatory one", async () => {
    expect((await request("POST", "/installations", { orgId: "42" })).body).toMatchObject({
      errorCode: "ALREADY_INSTALLED",
    });
    const unknown = await request("POST", "/installations", { config: { nope: "1" } });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ errorCode: "UNKNOWN_CONFIG_PARAM", fieldName: "config.nope" });
    const strict = await startEmulator({
      manifest: fixtureManifest({ config: [{ name: "apiKey", mandatory: true, secure: true }] }),
      port: 0,
      db: ":memory:",
    });
    try {
      await expect(strict.install()).rejects.toMatchObject({ status: 422, field: "config.apiKey" });
    } finally {
      await strict.close();
    }
  });

  it("PUT config answers masked values; PUT permissions answers states; POST trigger answers the outcome", async () => {
    const { body } = await request("POST", "/installations", {});
    const id = body["installationId"] as string;
    const config = await request("PUT", `/installations/${id}/config`, { values: { trackerToken: "s3" } });
    expect(config.body["data"]).toEqual([
      { name: "trackerBaseUrl", value: "https://tracker.example.com" },
      { name: "trackerToken", value: "********" },
    ]);
    const permissions = await request("PUT", `/installations/${id}/permissions`, {
      states: { canUnlink: true },
    });
    expect(permissions.body["data"]).toEqual([
      { apiName: "canEscalate", isEnabled: true },
      { apiName: "canUnlink", isEnabled: true },
    ]);
    const badState = await request("PUT", `/installations/${id}/permissions`, { states: { canFly: true } });
    expect(badState.body).toMatchObject({ errorCode: "UNKNOWN_PERMISSION" });
    const trigger = await request("POST", `/installations/${id}/trigger`, { event: "onUpdate" });
    expect(trigger.body).toMatchObject({ event: "onUpdate", skipped: true, url: null });
    const callbacks = await request("GET", `/callbacks?installationId=${id}`);
    expect((callbacks.body["data"] as { event: string }[]).map((outcome) => outcome.event)).toEqual([
      "onInstall",
      "onConfigParamAdd",
      "onUpdate",
    ]);
  });

  it("DELETE uninstalls; unknown ids answer 404 INSTALLATION_NOT_FOUND", async () => {
    const { body } = await request("POST", "/installations", {});
    const id = body["installationId"] as string;
    expect((await request("DELETE", `/installations/${id}`)).body).toMatchObject({ installationId: id });
    expect(await request("DELETE", `/installations/${id}`)).toMatchObject({
      status: 404,
      body: { errorCode: "INSTALLATION_NOT_FOUND" },
    });
  });

  it("bad JSON is a 400, unknown admin paths a 404", async () => {
    const response = await fetch(`${emulator.url}/_emulator/installations`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{",
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errorCode: "INVALID_JSON",
      message: "the request body must be JSON",
    });
    expect((await request("GET", "/nope")).status).toBe(404);
  });
});
