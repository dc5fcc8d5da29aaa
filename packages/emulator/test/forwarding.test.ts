import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OUTGOING_USER_AGENT } from "../src/index.js";
import { useEmulator } from "../src/testing.js";
import { fixtureManifest, fixtureResources } from "./helpers/fixture.js";
import { installationInvoker, invoker } from "./helpers/invoke.js";
import { startTestServer, type TestServer } from "./helpers/test-server.js";

describe("invoke: forwarding to third-party targets", () => {
  let target: TestServer;
  let other: TestServer;

  beforeAll(async () => {
    other = await startTestServer();
    target = await startTestServer((request, response) => {
      const path = request.url.split("?")[0];
      if (path === "/text") {
        response.writeHead(201, { "Content-Type": "text/plain", "X-Trace": "t-1" });
        response.end("created, not JSON");
      } else if (path === "/fail") {
        response.writeHead(404, { "Content-Type": "application/json" });
        response.end('{"error":"no such issue"}');
      } else if (path === "/redirect-inside") {
        response.writeHead(302, { Location: "/text" });
        response.end();
      } else if (path === "/redirect-outside") {
        response.writeHead(307, { Location: `${other.url}/stolen` });
        response.end();
      } else if (path === "/redirect-file") {
        response.writeHead(302, { Location: "file:///etc/passwd" });
        response.end();
      } else if (path === "/loop") {
        response.writeHead(302, { Location: "/loop" });
        response.end();
      } else {
        response.writeHead(200, { "Content-Type": "application/json" });
        response.end(JSON.stringify({ method: request.method, url: request.url }));
      }
    });
  });
  afterAll(async () => {
    await target.close();
    await other.close();
  });
  const emulator = useEmulator(() => ({
    manifest: fixtureManifest({ whiteListedDomains: ["https://desk.zoho.com", target.origin] }),
    resources: fixtureResources(),
    connections: { deskconnection: { token: "1000.real-looking-token" } },
    install: {
      config: { trackerBaseUrl: target.url, trackerToken: "tok-secret" },
    },
  }));
  const call = installationInvoker(emulator);

  it("answers in the production shape of spec 1.2 (response a string wrapping statusMessage, headers an object)", async () => {
    const answer = await call({ requestURL: `${target.url}/text`, requestType: "GET" });
    expect(answer.status).toBe(200);
    expect(typeof answer.body["response"]).toBe("string");
    expect(answer.body["statusCode"]).toBe(201);
    expect(JSON.parse(answer.body["response"] as string)).toEqual({
      statusMessage: "created, not JSON",
      status: "true",
    });
    expect(answer.body["responseHeaders"]).toMatchObject({ "Content-Type": "text/plain", "X-Trace": "t-1" });
  });

  it('wraps a non-2xx target answer inside the 200 with status "false"', async () => {
    const answer = await call({ requestURL: `${target.url}/fail`, requestType: "GET" });
    expect(answer.status).toBe(200);
    expect(answer.target).toMatchObject({
      statusCode: 404,
      status: "false",
      statusMessage: { error: "no such issue" },
    });
  });

  it("sends method, body and headers, with config placeholders substituted after the HASH check", async () => {
    const before = target.received.length;
    const answer = await call({
      requestURL: "{{trackerBaseUrl}}/issues",
      requestType: "POST",
      postBody: '{"title":"Printer on fire"}',
      headers:
        '{"Content-Type":"application/json","Authorization":"Bearer {{trackerToken}}","X-Install":"{{installationId}}"}',
    });
    expect(answer.target?.statusCode).toBe(200);
    const received = target.received[before]!;
    expect(received.method).toBe("POST");
    expect(received.url).toBe("/issues");
    expect(received.body.toString()).toBe('{"title":"Printer on fire"}');
    expect(received.headers["authorization"]).toBe("Bearer tok-secret");
    expect(received.headers["x-install"]).toBe(emulator.installation.installationId);
    expect(received.headers["content-type"]).toBe("application/json");
  });

  it("sends headers of its own: a named User-Agent and none of fetch's browser-like defaults", async () => {
    const before = target.received.length;
    await call({
      requestURL: `${target.url}/ua`,
      requestType: "POST",
      postBody: '{"a":1}',
      headers: '{"Content-Type":"application/json"}',
    });
    const { headers } = target.received[before]!;
    expect(headers["user-agent"]).toBe(OUTGOING_USER_AGENT);
    expect(OUTGOING_USER_AGENT).toMatch(/^desk-emulator\/\d+\.\d+\.\d+ /);
    expect(Object.keys(headers).sort()).toEqual([
      "connection",
      "content-length",
      "content-type",
      "host",
      "user-agent",
    ]);
    // A User-Agent the extension sets is sent as it is.
    await call({
      requestURL: `${target.url}/ua`,
      requestType: "GET",
      headers: '{"User-Agent":"tracker-sync/2.1"}',
    });
    expect(target.received.at(-1)!.headers["user-agent"]).toBe("tracker-sync/2.1");
  });

  it("appends queryParams with URLSearchParams rules, keeping requestURL's own query as it was", async () => {
    const before = target.received.length;
    await call({
      requestURL: `${target.url}/search?q=a%20b`,
      requestType: "GET",
      queryParams: '{"s":"x y&z","n":5,"b":true,"arr":["1",2],"skip":null}',
    });
    expect(target.received[before]!.url).toBe("/search?q=a%20b&s=x+y%26z&n=5&b=true&arr=1&arr=2");
  });

  it("injects the connection's token as Authorization: Zoho-oauthtoken", async () => {
    const before = target.received.length;
    await call({ requestURL: `${target.url}/c`, requestType: "GET", connectionLinkName: "deskconnection" });
    expect(target.received[before]!.headers["authorization"]).toBe("Zoho-oauthtoken 1000.real-looking-token");
  });

  it("follows a redirect to a whitelisted origin", async () => {
    const answer = await call({ requestURL: `${target.url}/redirect-inside`, requestType: "GET" });
    expect(answer.target).toMatchObject({ statusCode: 201, statusMessage: "created, not JSON" });
  });

  describe("SSRF attempts are refused", () => {
    it("a redirect to a non-whitelisted origin (and nothing reaches it)", async () => {
      const answer = await call({ requestURL: `${target.url}/redirect-outside`, requestType: "GET" });
      expect(answer.status).toBe(403);
      expect(answer.body["errorCode"]).toBe("DOMAIN_NOT_WHITELISTED");
      expect(other.received).toHaveLength(0);
    });
    it("a redirect to a file: URL", async () => {
      const answer = await call({ requestURL: `${target.url}/redirect-file`, requestType: "GET" });
      expect(answer.status).toBe(403);
      expect(answer.body["errorCode"]).toBe("DOMAIN_NOT_WHITELISTED");
    });
    it("a redirect loop ends with 502 after a few hops", async () => {
      const answer = await call({ requestURL: `${target.url}/loop`, requestType: "GET" });
      expect(answer.status).toBe(502);
      expect(answer.body["errorCode"]).toBe("TARGET_UNREACHABLE");
    });
    it.each([
      "file:///etc/passwd",
      "ftp://tracker.example.com/x",
      "gopher://127.0.0.1:70/x",
      "data:text/plain,hi",
    ])("the scheme of %s", async (requestURL) => {
      const answer = await call({ requestURL, requestType: "GET" });
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({ errorCode: "UNPROCESSABLE_ENTITY", fieldName: "requestURL" });
    });
    it("a non-whitelisted origin", async () => {
      const answer = await call({ requestURL: `${other.url}/x`, requestType: "GET" });
      expect(answer.status).toBe(403);
      expect(other.received).toHaveLength(0);
    });
    it("credentials in the URL", async () => {
      const answer = await call({
        requestURL: `http://user:pw@${target.url.slice(7)}/x`,
        requestType: "GET",
      });
      expect(answer.body).toMatchObject({ errorCode: "UNPROCESSABLE_ENTITY", fieldName: "requestURL" });
    });
    it("a config param that rewrites the host: checked after substitution", async () => {
      const moved = await emulator.install({ config: { trackerBaseUrl: other.url } });
      const answer = await invoker(
        emulator.url,
        emulator.secret,
        moved,
      )({
        requestURL: "{{trackerBaseUrl}}/issues",
        requestType: "GET",
      });
      expect(answer.status).toBe(403);
      expect(answer.body["errorCode"]).toBe("DOMAIN_NOT_WHITELISTED");
      expect(other.received).toHaveLength(0);
    });
    it("a config param that turns a whitelisted host into userinfo (https://good@evil)", async () => {
      const moved = await emulator.install({
        config: { trackerBaseUrl: `${target.url}@${other.url.slice(7)}` },
      });
      const answer = await invoker(
        emulator.url,
        emulator.secret,
        moved,
      )({
        requestURL: "{{trackerBaseUrl}}/issues",
        requestType: "GET",
      });
      expect(answer.status).toBe(422);
      expect(other.received).toHaveLength(0);
    });
  });
});
