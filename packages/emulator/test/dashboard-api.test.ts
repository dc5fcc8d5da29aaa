import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DASHBOARD_LIMITS, MASKED_CONFIG_VALUE, startEmulator } from "../src/index.js";
import { useEmulator } from "../src/testing.js";
import { FIXTURE_SECRET, fixtureManifest, fixtureResources } from "./helpers/fixture.js";
import { installationInvoker, invoker } from "./helpers/invoke.js";
import { rawRequest } from "./helpers/raw-request.js";
import { startTestServer, type TestServer } from "./helpers/test-server.js";

const STORAGE_URL = "https://desk.zoho.com/api/v1/installedExtensions/{{installationId}}/storage";
const TOKEN = "tok_dashboard_secure_4f1c";

describe("dashboard (/_emulator/)", () => {
  let target: TestServer;
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${emulator.url}${path}`, { headers });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
  };

  beforeAll(async () => {
    // The target echoes what it received, headers included: a substituted secure value comes back in the answer.
    target = await startTestServer((request, response) => {
      response.writeHead(200, { "Content-Type": "application/json" });
      response.end(JSON.stringify({ echoed: request.headers }));
    });
  });
  afterAll(async () => {
    await target.close();
  });
  const emulator = useEmulator(() => ({
    manifest: fixtureManifest({ whiteListedDomains: ["https://desk.zoho.com", target.origin] }),
    resources: fixtureResources(),
    rateLimits: false,
    now: () => Date.parse("2025-02-03T04:05:06.000Z"),
    install: { orgId: "555", config: { trackerToken: TOKEN } },
  }));
  const call = installationInvoker(emulator);

  it("serves the page and its files with a strict CSP; /_emulator redirects to /_emulator/", async () => {
    const page = await get("/_emulator/");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(page.text).toContain("<title>Issue Tracker Sync · Desk emulator</title>");
    expect(page.text).toContain('<h2 id="invocations-heading">Invocations</h2>');
    const script = await get("/_emulator/assets/dashboard.js");
    expect(script.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(script.text).toContain("text/event-stream");
    expect((await get("/_emulator/assets/dashboard.css")).status).toBe(200);
    expect((await get("/_emulator/assets/other.js")).status).toBe(404);
    const bare = await fetch(`${emulator.url}/_emulator`, { redirect: "manual" });
    expect(bare.status).toBe(302);
    expect(bare.headers.get("location")).toBe("/_emulator/");
  });

  it("records an invoke call as written, placeholders literal, and scrubs what the answer echoed", async () => {
    const headers = JSON.stringify({ Authorization: "Bearer {{trackerToken}}" });
    const answer = await call({ requestURL: `${target.url}/issues`, requestType: "GET", headers });
    expect(answer.status).toBe(200);
    const list = (await get("/_emulator/dashboard/invocations")).json();
    const newest = list.data[0];
    expect(newest).toMatchObject({
      installationId: emulator.installation.installationId,
      method: "GET",
      requestURL: `${target.url}/issues`,
      status: 200,
      targetStatus: 200,
      errorCode: null,
      at: "2025-02-03T04:05:06.000Z",
    });
    const detail = await get(`/_emulator/dashboard/invocations/${newest.id}`);
    const item = detail.json().data;
    expect(item.request).toEqual({ requestURL: `${target.url}/issues`, requestType: "GET", headers });
    expect(item.response.body.statusCode).toBe(200);
    expect(detail.text).toContain(`Bearer ${MASKED_CONFIG_VALUE}`);
    expect(detail.text).not.toContain(TOKEN);
    expect(detail.text).not.toContain(emulator.installation.securityContext);
    expect(detail.text).not.toContain(FIXTURE_SECRET);
  });

  it("records a refused call with its error code, without the HASH", async () => {
    const hash = "ab".repeat(32);
    const answer = await call({ requestURL: STORAGE_URL, requestType: "GET" }, { hash });
    expect(answer.status).toBe(401);
    const list = (await get("/_emulator/dashboard/invocations?limit=1")).json();
    expect(list.data[0]).toMatchObject({ status: 401, errorCode: "INVALID_HASH", installationId: null });
    expect(list.hasMore).toBe(true);
    const detail = await get(`/_emulator/dashboard/invocations/${list.data[0].id}`);
    expect(detail.text).not.toContain(hash);
    expect(detail.json().data.response.body.errorCode).toBe("INVALID_HASH");
    expect((await get("/_emulator/dashboard/invocations/999999")).status).toBe(404);
  });

  it("lists installations with secure values masked and permissions with their states", async () => {
    const body = (await get("/_emulator/dashboard/installations")).json();
    expect(body.data).toEqual([
      {
        installationId: emulator.installation.installationId,
        orgId: "555",
        installedAt: "2025-02-03T04:05:06.000Z",
        config: [
          { name: "trackerBaseUrl", secure: false, value: "https://tracker.example.com" },
          { name: "trackerToken", secure: true, value: MASKED_CONFIG_VALUE },
        ],
        permissions: [
          {
            apiName: "canEscalate",
            displayName: "Escalate tickets",
            description: "Allows agents to escalate tickets to the tracker",
            isEnabled: true,
          },
          {
            apiName: "canUnlink",
            displayName: "Unlink issues",
            description: "Allows agents to unlink tracker issues",
            isEnabled: false,
          },
        ],
      },
    ]);
    const extension = (await get("/_emulator/dashboard/extension")).json().data;
    expect(extension).toMatchObject({ name: "Issue Tracker Sync", storage: true });
    expect(JSON.stringify(extension)).not.toContain(FIXTURE_SECRET);
  });

  it("installs from the page without answering the securityContext", async () => {
    const response = await fetch(`${emulator.url}/_emulator/dashboard/installations`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ orgId: "556", config: { trackerToken: "typed_in_page" } }),
    });
    expect(response.status).toBe(201);
    const text = await response.text();
    expect(JSON.parse(text).data).toMatchObject({ orgId: "556" });
    expect(text).not.toMatch(/dsc1\./);
    expect(text).not.toContain("typed_in_page");
    const refused = await fetch(`${emulator.url}/_emulator/dashboard/installations`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ orgId: "556" }),
    });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ errorCode: "ALREADY_INSTALLED" });
  });

  it("browses storage by prefix and queriableValue, page after page by key", async () => {
    for (let batch = 0; batch < 12; batch++) {
      const items = Array.from({ length: 10 }, (_, i) => {
        const n = batch * 10 + i;
        return {
          key: `item:${String(n).padStart(3, "0")}`,
          queriableValue: n % 2 === 0 ? "even" : "odd",
          value: { n },
        };
      });
      const answer = await call({
        requestURL: STORAGE_URL,
        requestType: "POST",
        postBody: JSON.stringify(items),
      });
      expect(answer.target?.statusCode).toBe(200);
    }
    await call({
      requestURL: STORAGE_URL,
      requestType: "POST",
      postBody: JSON.stringify({ key: "other", queriableValue: "even", value: { n: -1 } }),
    });
    const base = `/_emulator/dashboard/storage?installationId=${emulator.installation.installationId}`;
    const first = (await get(`${base}&prefix=item:`)).json();
    expect(first.data).toHaveLength(DASHBOARD_LIMITS.storagePageSize);
    expect(first.data[0]).toEqual({ key: "item:000", queriableValue: "even", value: { n: 0 } });
    expect(first).toMatchObject({ total: 120, totalIsCapped: false, next: "item:049", pageSize: 50 });
    const third = (await get(`${base}&prefix=item:&after=item:099`)).json();
    expect(third.data.map((row: { key: string }) => row.key)).toEqual(
      Array.from({ length: 20 }, (_, i) => `item:${100 + i}`),
    );
    expect(third.next).toBeNull();
    const even = (await get(`${base}&queriableValue=even&limit=3`)).json();
    expect(even.data.map((row: { key: string }) => row.key)).toEqual(["item:000", "item:002", "item:004"]);
    expect(even.total).toBe(61);
    const refused = await get(`${base}&prefix=bad%20key`);
    expect(refused.status).toBe(422);
    expect(refused.json()).toMatchObject({ errorCode: "UNPROCESSABLE_ENTITY", fieldName: "prefix" });
    expect((await get("/_emulator/dashboard/storage?installationId=1")).status).toBe(404);
  });

  it("never shows a secure value or securityContext the extension stored or logged", async () => {
    const leaked = {
      token: TOKEN,
      context: emulator.installation.securityContext,
      note: `secret ${FIXTURE_SECRET}`,
    };
    const stored = await call({
      requestURL: STORAGE_URL,
      requestType: "POST",
      postBody: JSON.stringify({ key: "leak", queriableValue: "leak", value: leaked }),
    });
    expect(stored.target?.statusCode).toBe(200);
    await call({
      requestURL: "https://desk.zoho.com/api/v1/extensionLogs",
      requestType: "POST",
      postBody: JSON.stringify({ title: "leak", description: TOKEN, installationId: "{{installationId}}" }),
    });
    const base = `/_emulator/dashboard/storage?installationId=${emulator.installation.installationId}&prefix=leak`;
    const page = await get(base);
    expect(page.json().data[0].value).toEqual({
      token: MASKED_CONFIG_VALUE,
      context: "[securityContext hidden]",
      note: `secret ${MASKED_CONFIG_VALUE}`,
    });
    const logs = await get("/_emulator/dashboard/logs");
    expect(logs.json().data[0]).toMatchObject({ title: "leak", description: MASKED_CONFIG_VALUE });
    const invocations = await get("/_emulator/dashboard/invocations?limit=2");
    for (const { id } of invocations.json().data) {
      const detail = await get(`/_emulator/dashboard/invocations/${id}`);
      for (const secret of [TOKEN, emulator.installation.securityContext, FIXTURE_SECRET])
        expect(detail.text).not.toContain(secret);
    }
    // Deleted again, so the storage counts below stay as they are.
    await call({ requestURL: STORAGE_URL, requestType: "DELETE", queryParams: '{"key":"leak"}' });
  });

  it("groups logs as parents with sub logs, each with its expiry", async () => {
    const logsUrl = "https://desk.zoho.com/api/v1/extensionLogs";
    const post = (log: object) =>
      call({
        requestURL: logsUrl,
        requestType: "POST",
        postBody: JSON.stringify({ ...log, installationId: "{{installationId}}" }),
      });
    expect(
      (await post({ reference: "sync42", title: "sync started", description: "ticket 42" })).target
        ?.statusCode,
    ).toBe(200);
    await post({ reference: "sync42", title: "issue created", description: "TRK-7" });
    const logs = (await get("/_emulator/dashboard/logs")).json().data;
    expect(logs[0]).toMatchObject({
      title: "sync started",
      logTime: "2025-02-03T04:05:06.000Z",
      expiresAt: "2025-02-06T04:05:06.000Z",
      subLogs: [{ title: "issue created", expiresAt: "2025-02-06T04:05:06.000Z" }],
    });
  });

  it("lists callbacks newest first and sends one again", async () => {
    const before = (await get("/_emulator/dashboard/callbacks")).json().data;
    expect(before[0]).toMatchObject({ event: "onInstall", skipped: true });
    const response = await fetch(`${emulator.url}/_emulator/dashboard/callbacks/${before[0].seq}/resend`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    expect(response.status).toBe(200);
    expect((await response.json()).data).toMatchObject({ event: "onInstall", skipped: true });
    const after = (await get("/_emulator/dashboard/callbacks")).json().data;
    expect(after).toHaveLength(before.length + 1);
    expect(
      (
        await fetch(`${emulator.url}/_emulator/dashboard/callbacks/99999/resend`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: "{}",
        })
      ).status,
    ).toBe(404);
  });

  it("streams each new invoke call to an open page (server-sent events)", async () => {
    const controller = new AbortController();
    const response = await fetch(`${emulator.url}/_emulator/dashboard/events`, { signal: controller.signal });
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let received = "";
    const until = async (needle: string) => {
      while (!received.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) throw new Error("the stream ended");
        received += value;
      }
    };
    await until("event: ready");
    await call({ requestURL: `${STORAGE_URL}`, requestType: "GET", queryParams: '{"key":"other"}' });
    await until("event: invocation");
    const data = received.split("event: invocation\ndata: ")[1]!.split("\n")[0]!;
    expect(JSON.parse(data)).toMatchObject({ method: "GET", requestURL: STORAGE_URL, targetStatus: 200 });
    controller.abort();
  });
});

describe("dashboard behind the admin guard", () => {
  const PATHS = [
    "/_emulator/",
    "/_emulator/assets/dashboard.js",
    "/_emulator/dashboard/installations",
    "/_emulator/dashboard/invocations",
    "/_emulator/dashboard/events",
  ];

  it("refuses a foreign Host (DNS rebinding) and a foreign Origin on the page, its files, its data and its stream", async () => {
    const emulator = await startEmulator({ manifest: fixtureManifest(), port: 0, db: ":memory:" });
    try {
      const host = new URL(emulator.url).host;
      for (const path of PATHS) {
        const rebound = await rawRequest(emulator.url, "GET", path, { Host: "evil.example" });
        expect(rebound.status, path).toBe(403);
        expect(rebound.json(), path).toMatchObject({ errorCode: "FORBIDDEN", fieldName: "Host" });
        const foreign = await rawRequest(emulator.url, "GET", path, {
          Host: host,
          Origin: "http://evil.example",
        });
        expect(foreign.status, path).toBe(403);
        expect(foreign.json(), path).toMatchObject({ errorCode: "FORBIDDEN", fieldName: "Origin" });
      }
      const installed = await rawRequest(
        emulator.url,
        "POST",
        "/_emulator/dashboard/installations",
        { Host: host, "Content-Type": "text/plain" },
        JSON.stringify({ orgId: "666" }),
      );
      expect(installed.status).toBe(415);
      expect((await emulator.install({})).orgId).not.toBe("666");
    } finally {
      await emulator.close();
    }
  });

  it("with an admin token, serves the page (no data in it) but its data only to requests that carry the token", async () => {
    const emulator = await startEmulator({
      manifest: fixtureManifest(),
      port: 0,
      db: ":memory:",
      adminToken: "dashboard-token-1",
    });
    try {
      for (const path of ["/_emulator/", "/_emulator/assets/dashboard.js"]) {
        expect((await fetch(`${emulator.url}${path}`)).status, path).toBe(200);
      }
      const page = await (await fetch(`${emulator.url}/_emulator/`)).text();
      expect(page).not.toContain("dashboard-token-1");
      for (const path of PATHS.slice(2, 4)) {
        const refused = await fetch(`${emulator.url}${path}`);
        expect(refused.status, path).toBe(401);
        expect(await refused.json(), path).toMatchObject({ errorCode: "UNAUTHORIZED" });
        const wrong = await fetch(`${emulator.url}${path}`, { headers: { Authorization: "Bearer nope" } });
        expect(wrong.status, path).toBe(401);
        const allowed = await fetch(`${emulator.url}${path}`, {
          headers: { Authorization: "Bearer dashboard-token-1" },
        });
        expect(allowed.status, path).toBe(200);
      }
    } finally {
      await emulator.close();
    }
  });
});

describe("dashboard live stream", () => {
  it("ends when the emulator closes, and close does not wait for it", async () => {
    const emulator = await startEmulator({ manifest: fixtureManifest(), port: 0, db: ":memory:" });
    const response = await fetch(`${emulator.url}/_emulator/dashboard/events`);
    const reader = response.body!.getReader();
    await reader.read();
    await emulator.close();
    await expect(
      (async () => {
        for (;;) if ((await reader.read()).done) return "ended";
      })(),
    ).rejects.toThrow();
  });
});

describe("dashboard invocation history", () => {
  it(`keeps the last ${DASHBOARD_LIMITS.invocations} calls, newest first`, async () => {
    const emulator = await startEmulator({
      manifest: fixtureManifest(),
      port: 0,
      db: ":memory:",
      rateLimits: false,
    });
    try {
      const installation = await emulator.install({});
      const call = invoker(emulator.url, emulator.secret, installation);
      const total = DASHBOARD_LIMITS.invocations + 5;
      for (let i = 0; i < total; i++) {
        await call({
          requestURL: `${STORAGE_URL}`,
          requestType: "GET",
          queryParams: JSON.stringify({ key: `k${i}` }),
        });
      }
      const list = (await (
        await fetch(`${emulator.url}/_emulator/dashboard/invocations?limit=500`)
      ).json()) as {
        data: { id: number }[];
        hasMore: boolean;
      };
      expect(list.data).toHaveLength(DASHBOARD_LIMITS.invocations);
      expect(list.data[0]!.id).toBe(total);
      expect(list.data.at(-1)!.id).toBe(6);
      expect(list.hasMore).toBe(false);
      expect((await fetch(`${emulator.url}/_emulator/dashboard/invocations/5`)).status).toBe(404);
    } finally {
      await emulator.close();
    }
  });
});
