import { describe, expect, it } from "vitest";
import { type InvokeEvent, startEmulator } from "../src/index.js";
import { useEmulator } from "../src/testing.js";
import { fixtureManifest, fixtureResources } from "./helpers/fixture.js";
import { invoker } from "./helpers/invoke.js";

describe("programmatic API", () => {
  const events: InvokeEvent[] = [];

  const emulator = useEmulator({
    manifest: fixtureManifest(),
    resources: fixtureResources(),
    onInvoke: (event) => events.push(event),
  });

  it("listens on 127.0.0.1 and exposes the manifest secret", () => {
    expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(emulator.secret).toBe("emulator_fixture_secret_7d2f");
  });

  it("setNow drives the internal clock (installedAt, logTime)", async () => {
    emulator.setNow?.(Date.parse("2030-05-06T07:08:09.000Z"));
    expect(emulator.now()).toBe(Date.parse("2030-05-06T07:08:09.000Z"));
    const installation = await emulator.install();
    const listed = (await (await fetch(`${emulator.url}/_emulator/installations`)).json()) as {
      data: { installationId: string; installedAt: string }[];
    };
    expect(listed.data.find((row) => row.installationId === installation.installationId)?.installedAt).toBe(
      "2030-05-06T07:08:09.000Z",
    );
  });

  it("reports each invoke to onInvoke with the signed URL, never a HASH or securityContext", async () => {
    const installation = await emulator.install();
    const requestURL = "https://desk.zoho.com/api/v1/installedExtensions/{{installationId}}/storage";
    await invoker(
      emulator.url,
      emulator.secret,
      installation,
    )({ requestURL, requestType: "GET", queryParams: '{"key":"a"}' });
    await invoker(
      emulator.url,
      emulator.secret,
      installation,
    )({ requestURL, requestType: "GET" }, { hash: "00" });
    const [ok, refused] = events.slice(-2);
    expect(ok).toMatchObject({
      installationId: installation.installationId,
      requestType: "GET",
      requestURL,
      status: 200,
      targetStatus: 200,
      errorCode: undefined,
    });
    expect(refused).toMatchObject({ status: 401, errorCode: "INVALID_HASH", installationId: undefined });
    expect(JSON.stringify(events)).not.toContain(installation.securityContext);
    expect(JSON.stringify(events)).not.toContain(emulator.secret);
  });

  it("close() is idempotent and stops the server", async () => {
    const other = await startEmulator({ manifest: fixtureManifest(), port: 0, db: ":memory:" });
    await other.close();
    await other.close();
    await expect(fetch(`${other.url}/_emulator/health`)).rejects.toThrow();
  });
});
