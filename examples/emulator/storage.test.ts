// A vitest test of your extension's storage code with the real invoke client (run it in the extension's folder).
import { useEmulator } from "@desk/emulator/testing";
import { createInvokeClient } from "@desk/invoke-core";
import { expect, it } from "vitest";

// A real emulator for this file: a free port, its database in a temporary folder; closed (folder too) after.
const desk = useEmulator({
  manifest: "./plugin-manifest.json",
  rateLimits: false,
  install: { config: { greeting: "Hello" } },
});

it("stores and reads a value through invoke", async () => {
  const { orgId, securityContext } = desk.installation;
  const client = createInvokeClient({ secret: desk.secret!, orgId, securityContext, baseUrl: desk.url });
  const url = `${client.deskOrigin}/api/v1/installedExtensions/{{installationId}}/storage`;
  await client.invoke({ url, method: "POST", body: { key: "k1", queriableValue: "q", value: { n: 1 } } });
  const { data } = await client.invoke({ url, method: "GET", query: { key: "k1" } });
  expect(data).toEqual({ data: [{ key: "k1", queriableValue: "q", value: { n: 1 } }] });
});
