import { beforeAll, describe, expect, it } from "vitest";
import { isLoopbackHost } from "../src/admin/admin-guard.js";
import { createAdminClient } from "../src/cli/admin-client.js";
import { useEmulator } from "../src/testing.js";
import { fixtureManifest } from "./helpers/fixture.js";
import { rawRequest } from "./helpers/raw-request.js";

const JSON_TYPE = { "Content-Type": "application/json" };

describe("admin guard (issue 11, finding 1: the admin API could be driven by any web page)", () => {
  let host: string;
  const installations = async () =>
    (await rawRequest(emulator.url, "GET", "/_emulator/installations", { Host: host })).json()["data"];

  const emulator = useEmulator({ manifest: fixtureManifest() });
  beforeAll(() => {
    host = new URL(emulator.url).host;
  });

  it("finding 1: a cross-site text/plain POST to /_emulator/installations installs nothing and shows no securityContext", async () => {
    const answer = await rawRequest(
      emulator.url,
      "POST",
      "/_emulator/installations",
      { Host: host, Origin: "http://evil.example", "Content-Type": "text/plain" },
      JSON.stringify({ orgId: "666" }),
    );
    expect(answer.status).toBe(403);
    expect(answer.json()).toEqual({
      errorCode: "FORBIDDEN",
      message: "the admin API answers no request from another web origin",
      fieldName: "Origin",
    });
    expect(answer.text).not.toContain("dsc1.");
    expect(await installations()).toEqual([]);
  });

  it("finding 1: a text/plain write without Origin is refused 415 (writes take application/json only)", async () => {
    for (const type of [
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
    ]) {
      const answer = await rawRequest(
        emulator.url,
        "POST",
        "/_emulator/installations",
        { Host: host, "Content-Type": type },
        "{}",
      );
      expect(answer.status).toBe(415);
      expect(answer.json()).toMatchObject({ errorCode: "UNSUPPORTED_MEDIA_TYPE", fieldName: "Content-Type" });
    }
    const none = await rawRequest(emulator.url, "PUT", "/_emulator/installations/1/permissions", {
      Host: host,
    });
    expect(none.status).toBe(415);
    expect(await installations()).toEqual([]);
  });

  it("finding 1: a foreign Host (DNS rebinding) gets 403 on GET /_emulator/installations, not the data", async () => {
    await emulator.install({ orgId: "4242" });
    for (const foreign of [
      `evil.example:${new URL(emulator.url).port}`,
      "127.0.0.1.evil.example",
      "localhost.evil",
    ]) {
      const answer = await rawRequest(emulator.url, "GET", "/_emulator/installations", { Host: foreign });
      expect(answer.status).toBe(403);
      expect(answer.json()).toMatchObject({ errorCode: "FORBIDDEN", fieldName: "Host" });
      expect(answer.text).not.toContain("4242");
    }
  });

  it("serves loopback Host names and its own Origin; refuses another local origin and Origin: null", async () => {
    const port = new URL(emulator.url).port;
    for (const name of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, "dashboard.localhost"]) {
      expect((await rawRequest(emulator.url, "GET", "/_emulator/health", { Host: name })).status).toBe(200);
    }
    const own = await rawRequest(emulator.url, "GET", "/_emulator/health", {
      Host: host,
      Origin: `http://${host}`,
    });
    expect(own.status).toBe(200);
    for (const origin of ["null", "http://localhost:3000", `https://${host}`]) {
      const answer = await rawRequest(emulator.url, "GET", "/_emulator/health", {
        Host: host,
        Origin: origin,
      });
      expect(answer.status).toBe(403);
    }
  });

  it("the invoke endpoint is not behind the guard (extension servers call it from anywhere)", async () => {
    const answer = await rawRequest(emulator.url, "POST", "/api/v1/invoke", { Host: "desk.example" }, "");
    expect(answer.status).toBe(401);
    expect(answer.json()).toMatchObject({ errorCode: "INVALID_HASH" });
  });

  it.each([
    ["localhost", true],
    ["LOCALHOST:4100", true],
    ["127.0.0.1", true],
    ["127.255.0.9:1", true],
    ["[::1]:4100", true],
    ["a.localhost:4100", true],
    ["0.0.0.0:4100", false],
    ["[::]:4100", false],
    ["192.168.1.2:4100", false],
    ["evil.example", false],
    ["localhost@evil.example", false],
    ["localhost/x", false],
    ["", false],
  ])("isLoopbackHost(%j) is %s", (value, expected) => {
    expect(isLoopbackHost(value)).toBe(expected);
  });
});

describe("admin token (issue 11: an optional admin token for shared machines)", () => {
  const emulator = useEmulator({
    manifest: fixtureManifest(),
    adminToken: "t0ken-for-this-machine",
  });

  it("refuses no token and a wrong one with 401 UNAUTHORIZED; serves the right one (and the CLI's client sends it)", async () => {
    const host = new URL(emulator.url).host;
    for (const authorization of [
      undefined,
      "Bearer wrong",
      "t0ken-for-this-machine",
      "Bearer t0ken-for-this-machine-2",
    ]) {
      const headers: Record<string, string> = { Host: host, ...JSON_TYPE };
      if (authorization !== undefined) headers["Authorization"] = authorization;
      const answer = await rawRequest(emulator.url, "GET", "/_emulator/installations", headers);
      expect(answer.status).toBe(401);
      expect(answer.json()).toMatchObject({ errorCode: "UNAUTHORIZED", fieldName: "Authorization" });
      expect(answer.text).not.toContain("t0ken-for-this-machine");
    }
    const right = await rawRequest(emulator.url, "GET", "/_emulator/installations", {
      Host: host,
      Authorization: "Bearer t0ken-for-this-machine",
    });
    expect(right.status).toBe(200);
    const client = createAdminClient(emulator.url, { token: "t0ken-for-this-machine" });
    const installed = await client.install({ orgId: "77" });
    expect(installed.orgId).toBe("77");
    await expect(createAdminClient(emulator.url).installations()).rejects.toMatchObject({
      errorCode: "UNAUTHORIZED",
      exitCode: 1,
    });
  });
});
