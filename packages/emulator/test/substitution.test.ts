import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useEmulator } from "../src/testing.js";
import { fixtureManifest, fixtureResources } from "./helpers/fixture.js";
import { installationInvoker, invoker } from "./helpers/invoke.js";
import { startTestServer, type TestServer } from "./helpers/test-server.js";

// A value with JSON-significant characters, URL-significant characters and a placeholder of its own (spec 3).
const TRICKY = 'a"b\\c&d=e {{installationId}}';

describe("placeholder substitution: one pass, JSON-safe (spec 3)", () => {
  let target: TestServer;

  beforeAll(async () => {
    target = await startTestServer();
  });
  afterAll(async () => {
    await target.close();
  });
  const emulator = useEmulator(() => ({
    manifest: fixtureManifest({ whiteListedDomains: ["https://desk.zoho.com", target.origin] }),
    resources: fixtureResources(),
    install: { config: { trackerToken: TRICKY } },
  }));
  const call = installationInvoker(emulator);

  it("a value inside a headers JSON string arrives exactly, and its own {{...}} is not expanded again", async () => {
    const before = target.received.length;
    const answer = await call({
      requestURL: `${target.url}/h`,
      requestType: "GET",
      headers: '{"X-Token":"{{trackerToken}}","X-Install":"{{installationId}}"}',
    });
    expect(answer.status).toBe(200);
    expect(target.received[before]!.headers["x-token"]).toBe(TRICKY);
    expect(target.received[before]!.headers["x-install"]).toBe(emulator.installation.installationId);
  });

  it("a value inside a queryParams JSON string is form-encoded exactly once", async () => {
    const before = target.received.length;
    const answer = await call({
      requestURL: `${target.url}/q`,
      requestType: "GET",
      queryParams: '{"token":"{{trackerToken}}","n":3}',
    });
    expect(answer.status).toBe(200);
    const received = new URL(target.received[before]!.url, target.url);
    expect(received.searchParams.getAll("token")).toEqual([TRICKY]);
    expect(received.searchParams.get("n")).toBe("3");
  });

  it("text that only resembles a placeholder is left as it is", async () => {
    const before = target.received.length;
    const answer = await call({
      requestURL: `${target.url}/r`,
      requestType: "GET",
      headers: '{"X-Literal":"{{ installationId }}"}',
    });
    expect(answer.status).toBe(200);
    expect(target.received[before]!.headers["x-literal"]).toBe("{{ installationId }}");
  });

  it("a value placed outside a JSON string whose escape text decodes to LF never reaches a header", async () => {
    // The resolver checks the raw value for CR/LF; `"a\\nb"` has none, but parses to a header value with an LF.
    // The header check after parsing (build-outgoing-headers) is the line that holds.
    const escaped = await emulator.install({ config: { trackerToken: '"a\\nb"' } });
    const before = target.received.length;
    const answer = await invoker(
      emulator.url,
      emulator.secret,
      escaped,
    )({ requestURL: `${target.url}/lf`, requestType: "GET", headers: '{"X-Token":{{trackerToken}}}' });
    expect(answer.status).toBe(422);
    expect(answer.body["errorCode"]).toBe("UNPROCESSABLE_ENTITY");
    expect(answer.body["fieldName"]).toBe("headers");
    expect(target.received.length).toBe(before);
  });
});
