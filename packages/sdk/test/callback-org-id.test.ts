import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { CallbackOrgId } from "@desk/emulator";
import { startTestEmulator, type TestEmulator } from "@desk/emulator/testing";
import { afterEach, describe, expect, it } from "vitest";
import { createCallbackHandler, createDesk, createMemoryInstallationStore } from "../src/index.js";
import { toNodeHandler } from "../src/node.js";

const SECRET = "sdk_org_id_secret_8b1c4e";

// Desk's documentation shows a numeric orgId in callback bodies, Zoho's code reads a string: the SDK hands its user
// a string either way, and saves the installation under it.
describe.each<CallbackOrgId>(["number", "string"])("callbacks with orgId as a JSON %s", (orgIdAs) => {
  let emulator: TestEmulator | undefined;
  let server: Server | undefined;
  afterEach(async () => {
    await emulator?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  it("the SDK verifies the callback and gives the hook the orgId as a string", async () => {
    const store = createMemoryInstallationStore();
    const rawOrgIds: unknown[] = [];
    const heard: unknown[] = [];
    let handler: (request: Request) => Promise<Response> = async () => new Response(null, { status: 503 });
    server = createServer(
      toNodeHandler(async (request) => {
        rawOrgIds.push((JSON.parse(await request.clone().text()) as { orgId: unknown }).orgId);
        return handler(request);
      }),
    );
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const listener = `http://127.0.0.1:${(server.address() as AddressInfo).port}/desk/callbacks`;
    emulator = await startTestEmulator({
      callbackOrgId: orgIdAs,
      onWarning: () => {},
      manifest: {
        secret: SECRET,
        storage: false,
        whiteListedDomains: ["https://desk.zoho.com"],
        callbackListener: { onInstall: listener, onUninstall: listener },
      },
    });
    handler = createCallbackHandler({
      desk: createDesk({ secret: SECRET, baseUrl: emulator.url }),
      store,
      on: {
        onInstall: (event) => {
          heard.push(event.orgId);
        },
      },
    });
    const installed = await emulator.install({ orgId: "387238" });
    expect(installed.callbacks.map(({ status }) => status)).toEqual([200]);
    expect(rawOrgIds).toEqual([orgIdAs === "number" ? 387238 : "387238"]);
    expect(heard).toEqual(["387238"]);
    expect((await store.get("387238"))?.securityContext).toBe(installed.securityContext);
  });
});
