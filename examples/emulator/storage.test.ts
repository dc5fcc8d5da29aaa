// A vitest test of your extension's storage code with the real invoke client (run it in the extension's folder).
import { type Emulator, startEmulator } from "@desk/emulator";
import { createInvokeClient } from "@desk/invoke-core";
import { afterAll, beforeAll, expect, it } from "vitest";

let desk: Emulator;
beforeAll(async () => {
  desk = await startEmulator({
    manifest: "./plugin-manifest.json",
    port: 0,
    db: ":memory:",
    rateLimits: false,
  });
});
afterAll(() => desk.close());

it("stores and reads a value through invoke", async () => {
  const { orgId, securityContext } = await desk.install({ config: { greeting: "Hello" } });
  const client = createInvokeClient({ secret: desk.secret!, orgId, securityContext, baseUrl: desk.url });
  const url = `${client.deskOrigin}/api/v1/installedExtensions/{{installationId}}/storage`;
  await client.invoke({ url, method: "POST", body: { key: "k1", queriableValue: "q", value: { n: 1 } } });
  const { data } = await client.invoke({ url, method: "GET", query: { key: "k1" } });
  expect(data).toEqual({ data: [{ key: "k1", queriableValue: "q", value: { n: 1 } }] });
});
