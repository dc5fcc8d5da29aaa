import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmulatorInstallation, FOLLOW_REDIRECTS_INTO_DESK } from "../src/index.js";
import { useEmulator } from "../src/testing.js";
import { fixtureManifest, fixtureResources } from "./helpers/fixture.js";
import { invoker } from "./helpers/invoke.js";
import { startTestServer, type TestServer } from "./helpers/test-server.js";

const STORAGE = "https://desk.zoho.com/api/v1/installedExtensions/{{installationId}}/storage";

describe("issue 11, finding 2: a third-party redirect into Desk is never followed (FOLLOW_REDIRECTS_INTO_DESK)", () => {
  let attacker: EmulatorInstallation;
  let victim: EmulatorInstallation;
  let target: TestServer;
  let redirectTo = "";
  let status = 307;

  afterAll(async () => {
    await target?.close();
  });
  // The target starts first: the manifest whitelists its origin.
  const emulator = useEmulator(async () => {
    target = await startTestServer((_, response) => {
      response.writeHead(status, { Location: redirectTo });
      response.end();
    });
    return {
      manifest: fixtureManifest({
        whiteListedDomains: ["https://desk.zoho.com", "https://desk.zoho.eu", target.origin],
      }),
      resources: fixtureResources(),
    };
  });
  beforeAll(async () => {
    attacker = await emulator.install({ orgId: "1001" });
    victim = await emulator.install({ orgId: "1002" });
    const asVictim = invoker(emulator.url, emulator.secret, victim);
    const stored = await asVictim({
      requestURL: STORAGE,
      requestType: "POST",
      postBody: JSON.stringify({ key: "victimKey", queriableValue: "q", value: { mine: true } }),
    });
    expect(stored.target?.statusCode).toBe(200);
  });

  const victimKeys = async () => {
    const answer = await invoker(
      emulator.url,
      emulator.secret,
      victim,
    )({
      requestURL: `${STORAGE}?key=victimKey`,
      requestType: "GET",
    });
    return answer.target?.statusMessage;
  };

  it("is a named decision: false", () => {
    expect(FOLLOW_REDIRECTS_INTO_DESK).toBe(false);
  });

  it.each([307, 308, 302, 301, 303])(
    "finding 2: a %i to another installation's storage is refused 403 REDIRECT_REFUSED and the key survives",
    async (code) => {
      status = code;
      redirectTo = `https://desk.zoho.com/api/v1/installedExtensions/${victim.installationId}/storage?key=victimKey`;
      const answer = await invoker(
        emulator.url,
        emulator.secret,
        attacker,
      )({
        requestURL: `${target.url}/anything`,
        requestType: "DELETE",
      });
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ errorCode: "REDIRECT_REFUSED" });
      expect(JSON.stringify(answer.body)).not.toContain(victim.securityContext);
      expect(await victimKeys()).toEqual({
        data: [{ key: "victimKey", queriableValue: "q", value: { mine: true } }],
      });
    },
  );

  it("finding 2: not even into the caller's own Desk data, nor another data centre", async () => {
    status = 307;
    for (const location of [
      `https://desk.zoho.com/api/v1/installedExtensions/${attacker.installationId}/storage?key=x`,
      `https://desk.zoho.eu/api/v1/installedExtensions/${victim.installationId}/storage?key=victimKey`,
    ]) {
      redirectTo = location;
      const answer = await invoker(
        emulator.url,
        emulator.secret,
        attacker,
      )({
        requestURL: `${target.url}/x`,
        requestType: "GET",
      });
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ errorCode: "REDIRECT_REFUSED" });
    }
    expect(await victimKeys()).toMatchObject({ data: [{ key: "victimKey" }] });
  });
});
