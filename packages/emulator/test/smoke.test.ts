import { describe, expect, it } from "vitest";
import { useEmulator } from "../src/testing.js";
import { fixtureManifest, fixtureResources } from "./helpers/fixture.js";
import { invoker } from "./helpers/invoke.js";

describe("smoke", () => {
  const emulator = useEmulator({ manifest: fixtureManifest(), resources: fixtureResources() });

  it("installs and stores through invoke", async () => {
    const installation = await emulator.install({ orgId: "123" });
    const call = invoker(emulator.url, emulator.secret, installation);
    const url = "https://desk.zoho.com/api/v1/installedExtensions/{{installationId}}/storage";
    const add = await call({
      requestURL: url,
      requestType: "POST",
      postBody: JSON.stringify({ key: "k1", queriableValue: "q", value: { a: 1 } }),
    });
    expect(add.status).toBe(200);
    expect(add.target?.statusMessage).toEqual({ key: "k1", queriableValue: "q", value: { a: 1 } });
    const get = await call({ requestURL: url, requestType: "GET", queryParams: '{"key":"k1"}' });
    expect(get.target?.statusMessage).toEqual({
      data: [{ key: "k1", queriableValue: "q", value: { a: 1 } }],
    });
  });
});
