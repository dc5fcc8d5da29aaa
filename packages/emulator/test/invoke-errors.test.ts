import { createHmac } from "node:crypto";
import { signInvoke, stringToHash } from "@desk/hash";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INVOKE_BODY_LIMIT_BYTES } from "../src/index.js";
import { useEmulator } from "../src/testing.js";
import { fixtureManifest, fixtureResources } from "./helpers/fixture.js";
import { invoke, invoker } from "./helpers/invoke.js";
import { closedPortUrl, startTestServer, type TestServer } from "./helpers/test-server.js";

const STORAGE = "https://desk.zoho.com/api/v1/installedExtensions/{{installationId}}/storage";

describe("invoke: errors of the invoke call itself (spec 1.3)", () => {
  let hanging: TestServer;
  let closed: string;
  const clock = 1_700_000_000_000;

  beforeAll(async () => {
    closed = await closedPortUrl();
    hanging = await startTestServer(() => {
      // Never answers: the emulator's timeout must fire.
    });
  });
  afterAll(async () => {
    await hanging.close();
  });
  const emulator = useEmulator(() => ({
    manifest: fixtureManifest({
      whiteListedDomains: ["https://desk.zoho.com", hanging.origin, closed],
    }),
    resources: fixtureResources(),
    now: () => clock,
    targetTimeoutMs: 2_000, // generous: other tests here forward to live loopback targets on a busy machine
    rateLimits: { invoke: 1000 },
    install: { orgId: "555" },
  }));

  const get = { requestURL: STORAGE, requestType: "GET", queryParams: '{"key":"a"}' };

  it("accepts a correct call (baseline for the refusals below)", async () => {
    const answer = await invoker(emulator.url, emulator.secret, emulator.installation)(get);
    expect(answer.status).toBe(200);
    expect(answer.body["statusCode"]).toBe(200);
  });

  describe("401 INVALID_HASH", () => {
    it("when the HASH header is missing", async () => {
      const answer = await invoker(emulator.url, emulator.secret, emulator.installation)(get, { hash: null });
      expect(answer.status).toBe(401);
      expect(answer.body["errorCode"]).toBe("INVALID_HASH");
    });
    it("when the HASH is not hex", async () => {
      const answer = await invoker(
        emulator.url,
        emulator.secret,
        emulator.installation,
      )(get, { hash: "zz-not-hex" });
      expect(answer.body).toMatchObject({ errorCode: "INVALID_HASH" });
      expect(answer.status).toBe(401);
    });
    it("when signed with another secret, and never echoes the HASH", async () => {
      const wrong = await signInvoke("another-secret", get);
      const answer = await invoker(
        emulator.url,
        emulator.secret,
        emulator.installation,
      )(get, { hash: wrong });
      expect(answer.status).toBe(401);
      expect(answer.body["errorCode"]).toBe("INVALID_HASH");
      expect(JSON.stringify(answer.body)).not.toContain(wrong);
      expect(JSON.stringify(answer.body)).not.toContain(emulator.installation.securityContext);
    });
    it("when a signed field was changed after signing", async () => {
      const hash = await signInvoke(emulator.secret!, get);
      const answer = await invoker(
        emulator.url,
        emulator.secret,
        emulator.installation,
      )({ ...get, queryParams: '{"key":"b"}' }, { hash });
      expect(answer.status).toBe(401);
    });
    it("accepts upper-case hex", async () => {
      const hash = (await signInvoke(emulator.secret!, get)).toUpperCase();
      const answer = await invoker(emulator.url, emulator.secret, emulator.installation)(get, { hash });
      expect(answer.status).toBe(200);
    });
    it("accepts both empty-field forms: skipped (PHP) and kept as `postBody=` (Java)", async () => {
      const fields = { ...get, postBody: "" };
      const call = invoker(emulator.url, emulator.secret, emulator.installation);
      const skipped = createHmac("sha256", emulator.secret!).update(stringToHash(fields)).digest("hex");
      const kept = createHmac("sha256", emulator.secret!)
        .update(stringToHash(fields, { keepEmpty: true }))
        .digest("hex");
      expect(stringToHash(fields, { keepEmpty: true }).endsWith("&postBody=")).toBe(true);
      expect((await call(fields, { hash: skipped })).status).toBe(200);
      expect((await call(fields, { hash: kept })).status).toBe(200);
    });
  });

  describe("401 INVALID_SECURITY_CONTEXT", () => {
    const refused = async (extra: Parameters<ReturnType<typeof invoker>>[1]) => {
      const answer = await invoker(emulator.url, emulator.secret, emulator.installation)(get, extra);
      expect(answer.status).toBe(401);
      expect(answer.body["errorCode"]).toBe("INVALID_SECURITY_CONTEXT");
      return answer;
    };
    it("when missing", () => refused({ securityContext: undefined }));
    it("when tampered (one character flipped)", async () => {
      const token = emulator.installation.securityContext;
      const flipped = token.slice(0, -3) + (token.at(-3) === "A" ? "B" : "A") + token.slice(-2);
      const answer = await refused({ securityContext: flipped });
      expect(JSON.stringify(answer.body)).not.toContain(flipped);
    });
    it("when not a token this emulator issued", () =>
      refused({ securityContext: "dsc1.bm90LWEtdG9rZW4tYXQtYWxsLWZyb20tdGhpcy1kZXNr" }));
    it("when issued for another org than the orgId query parameter", () => refused({ orgId: "556" }));
    it("when the orgId query parameter is missing", () => refused({ orgId: undefined }));
    it("when the installation was uninstalled", async () => {
      const gone = await emulator.install({ orgId: "557" });
      await emulator.uninstall(gone.installationId);
      const answer = await invoke(emulator.url, emulator.secret, {
        fields: get,
        orgId: gone.orgId,
        securityContext: gone.securityContext,
      });
      expect(answer.status).toBe(401);
      expect(answer.body["errorCode"]).toBe("INVALID_SECURITY_CONTEXT");
    });
    it("is also accepted in the query string [decision]", async () => {
      const answer = await invoker(
        emulator.url,
        emulator.secret,
        emulator.installation,
      )(get, { securityContextInQuery: true });
      expect(answer.status).toBe(200);
    });
  });

  describe("422 UNPROCESSABLE_ENTITY", () => {
    const call = () => invoker(emulator.url, emulator.secret, emulator.installation);
    it.each([
      ["headers", { ...get, headers: "{not json" }],
      ["headers", { ...get, headers: "[1,2]" }],
      ["headers", { ...get, headers: '{"X-Nested":{"a":1}}' }],
      ["queryParams", { ...get, queryParams: "nope" }],
      ["queryParams", { ...get, queryParams: '{"a":{"b":1}}' }],
      ["requestType", { ...get, requestType: "TRACE" }],
      ["requestType", { ...get, requestType: "get" }],
      ["requestType", { requestURL: STORAGE }],
      ["requestURL", { requestType: "GET" }],
      ["requestURL", { ...get, requestURL: "not a url" }],
      ["postBody", { ...get, postBody: '{"a":1}' }],
    ])("names %s", async (fieldName, fields) => {
      const answer = await call()(fields);
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({ errorCode: "UNPROCESSABLE_ENTITY", fieldName });
    });
    it("refuses a form field sent twice", async () => {
      const hash = await signInvoke(emulator.secret!, get);
      const body = `securityContext=${encodeURIComponent(emulator.installation.securityContext)}&requestURL=${encodeURIComponent(STORAGE)}&requestType=GET&requestType=POST`;
      const response = await fetch(`${emulator.url}/api/v1/invoke?orgId=555`, {
        method: "POST",
        headers: { HASH: hash, "Content-Type": "application/x-www-form-urlencoded" },
        body,
      });
      expect(response.status).toBe(422);
      expect(await response.json()).toMatchObject({
        errorCode: "UNPROCESSABLE_ENTITY",
        fieldName: "requestType",
      });
    });
    it("refuses a body that is not a form", async () => {
      const response = await fetch(`${emulator.url}/api/v1/invoke?orgId=555`, {
        method: "POST",
        headers: { HASH: "00", "Content-Type": "application/json" },
        body: "{}",
      });
      expect(response.status).toBe(422);
      expect(await response.json()).toMatchObject({ fieldName: "Content-Type" });
    });
    it("refuses CR/LF written into a header value (fieldName headers)", async () => {
      const answer = await call()({ ...get, headers: JSON.stringify({ "X-Evil": "a\r\nInjected: yes" }) });
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({ errorCode: "UNPROCESSABLE_ENTITY", fieldName: "headers" });
    });
    it("refuses CR/LF substituted into a header value from a config param, without echoing it", async () => {
      await emulator.setConfig(emulator.installation.installationId, {
        trackerToken: "abc\r\nX-Injected: 1",
      });
      const answer = await call()({ ...get, headers: '{"Authorization":"Bearer {{trackerToken}}"}' });
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({ errorCode: "UNPROCESSABLE_ENTITY", fieldName: "headers" });
      expect(JSON.stringify(answer.body)).not.toContain("X-Injected");
      await emulator.setConfig(emulator.installation.installationId, { trackerToken: "" });
    });
    it("refuses an invalid header name", async () => {
      const answer = await call()({ ...get, headers: '{"Bad Name":"x"}' });
      expect(answer.body).toMatchObject({ errorCode: "UNPROCESSABLE_ENTITY", fieldName: "headers" });
    });
  });

  describe("422 INVALID_PLACEHOLDER", () => {
    it("for an unknown placeholder, naming it", async () => {
      const answer = await invoker(
        emulator.url,
        emulator.secret,
        emulator.installation,
      )({
        ...get,
        requestURL: "https://desk.zoho.com/api/v1/installedExtensions/{{noSuchParam}}/storage",
      });
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({ errorCode: "INVALID_PLACEHOLDER", placeholder: "{{noSuchParam}}" });
    });
    it("for a config param in postBody, where the doc does not allow it", async () => {
      const answer = await invoker(
        emulator.url,
        emulator.secret,
        emulator.installation,
      )({
        requestURL: STORAGE,
        requestType: "POST",
        postBody: '{"key":"k","queriableValue":"q","value":{"t":"{{trackerToken}}"}}',
      });
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({
        errorCode: "INVALID_PLACEHOLDER",
        placeholder: "{{trackerToken}}",
      });
    });
    it("for an unknown resource", async () => {
      const answer = await invoker(
        emulator.url,
        emulator.secret,
        emulator.installation,
      )({
        ...get,
        queryParams: '{"key":"{{fields.nope.id}}"}',
      });
      expect(answer.body).toMatchObject({
        errorCode: "INVALID_PLACEHOLDER",
        placeholder: "{{fields.nope.id}}",
      });
    });
  });

  describe("403 DOMAIN_NOT_WHITELISTED", () => {
    it("names the line to add", async () => {
      const answer = await invoker(
        emulator.url,
        emulator.secret,
        emulator.installation,
      )({
        requestURL: "https://api.not-listed.example/v1",
        requestType: "GET",
      });
      expect(answer.status).toBe(403);
      expect(answer.body["errorCode"]).toBe("DOMAIN_NOT_WHITELISTED");
      expect(answer.body["message"]).toContain('add "https://api.not-listed.example" to whiteListedDomains');
    });
    it("a target on the emulator's own host gets a hint: keep Desk's URL, the emulator serves it", async () => {
      const own = new URL(emulator.url);
      for (const origin of [own.origin, `http://localhost:${own.port}`]) {
        const answer = await invoker(
          emulator.url,
          emulator.secret,
          emulator.installation,
        )({ requestURL: `${origin}/api/v1/tickets`, requestType: "GET" });
        expect(answer.status).toBe(403);
        expect(answer.body).toEqual({
          errorCode: "DOMAIN_NOT_WHITELISTED",
          message: `the target ${origin} is the emulator itself: keep Desk's own URL as the target (https://desk.zoho.com/api/v1/tickets), the emulator serves it; only the invoke base URL points here`,
        });
      }
    });
    it("applies to Desk's own origins too (another data centre)", async () => {
      const answer = await invoker(
        emulator.url,
        emulator.secret,
        emulator.installation,
      )({
        ...get,
        requestURL: STORAGE.replace("desk.zoho.com", "desk.zoho.eu"),
      });
      expect(answer.status).toBe(403);
      expect(answer.body["message"]).toContain('add "https://desk.zoho.eu"');
    });
  });

  it("422 INVALID_CONNECTION for a connectionLinkName the manifest does not declare", async () => {
    const answer = await invoker(
      emulator.url,
      emulator.secret,
      emulator.installation,
    )({ ...get, connectionLinkName: "nope" });
    expect(answer.status).toBe(422);
    expect(answer.body["errorCode"]).toBe("INVALID_CONNECTION");
    expect(answer.body["message"]).toContain("deskconnection");
  });

  it("502 TARGET_UNREACHABLE when nothing listens", async () => {
    const answer = await invoker(
      emulator.url,
      emulator.secret,
      emulator.installation,
    )({
      requestURL: `${closed}/x`,
      requestType: "GET",
    });
    expect(answer.status).toBe(502);
    expect(answer.body["errorCode"]).toBe("TARGET_UNREACHABLE");
  });

  it("504 TARGET_TIMEOUT when the target does not answer in time", async () => {
    const answer = await invoker(
      emulator.url,
      emulator.secret,
      emulator.installation,
    )({
      requestURL: `${hanging.url}/slow`,
      requestType: "GET",
    });
    expect(answer.status).toBe(504);
    expect(answer.body["errorCode"]).toBe("TARGET_TIMEOUT");
  });

  it("413 PAYLOAD_TOO_LARGE over the body limit", async () => {
    const postBody = JSON.stringify({ blob: "x".repeat(INVOKE_BODY_LIMIT_BYTES) });
    const answer = await invoker(
      emulator.url,
      emulator.secret,
      emulator.installation,
    )({
      requestURL: STORAGE,
      requestType: "POST",
      postBody,
    });
    expect(answer.status).toBe(413);
    expect(answer.body["errorCode"]).toBe("PAYLOAD_TOO_LARGE");
  });

  it("405 for another method than POST on the invoke endpoint", async () => {
    const response = await fetch(`${emulator.url}/api/v1/invoke`);
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
  });
});

describe("invoke: 429 RATE_LIMIT_EXCEEDED per installation", () => {
  let clock = 1_700_000_000_000;
  const emulator = useEmulator({
    manifest: fixtureManifest(),
    resources: fixtureResources(),
    now: () => clock,
    rateLimits: { invoke: 3 },
  });

  it("answers 429 with Retry-After after the limit, per installation, and recovers after the window", async () => {
    const a = await emulator.install();
    const b = await emulator.install();
    const fields = { requestURL: STORAGE, requestType: "GET", queryParams: '{"key":"a"}' };
    const callA = invoker(emulator.url, emulator.secret, a);
    for (let i = 0; i < 3; i++) expect((await callA(fields)).status).toBe(200);
    clock += 10_000;
    const limited = await callA(fields);
    expect(limited.status).toBe(429);
    expect(limited.body["errorCode"]).toBe("RATE_LIMIT_EXCEEDED");
    expect(limited.headers.get("retry-after")).toBe("50");
    expect((await invoker(emulator.url, emulator.secret, b)(fields)).status).toBe(200);
    clock += 50_000;
    expect((await callA(fields)).status).toBe(200);
  });
});
