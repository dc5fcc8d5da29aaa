// The @desk/sdk README examples, run as written against the emulator: the node:http server with a hook and the
// script acting for an installation, the web Request route, the Express route.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { startTestEmulator, type TestEmulator } from "@desk/emulator/testing";
import { createFileInstallationStore, toNodeHandler } from "@desk/sdk/node";
import { afterEach, describe, expect, it } from "vitest";
import { example, freePort, manifestFor, runExample, startExample, tempFolder } from "./harness.js";

const SECRET = manifestFor("sdk", {}).secret;

describe("@desk/sdk README examples", () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  async function emulatorFor(port: number): Promise<TestEmulator> {
    const emulator = await startTestEmulator({
      manifest: manifestFor("sdk", { 4200: port }),
      resources: example("sdk/resources.json"),
    });
    cleanups.push(() => emulator.close());
    return emulator;
  }
  const folder = () => {
    const made = tempFolder();
    cleanups.push(made.remove);
    return made.path;
  };

  it("Quick start: the server saves the installation and logs on install; act.ts uses storage, permissions, Desk", async () => {
    const port = await freePort();
    const emulator = await emulatorFor(port);
    const cwd = folder();
    const env = { DESK_SECRET: SECRET, DESK_BASE_URL: emulator.url, PORT: String(port) };
    const server = await startExample(example("sdk/server.ts"), /listening for Desk callbacks/, { cwd, env });
    cleanups.push(server.stop);

    const installed = await emulator.install({ orgId: "12345" });
    expect(installed.callbacks.map(({ event, status }) => [event, status])).toEqual([["onInstall", 200]]);
    const logs = await fetch(`${emulator.url}/_emulator/logs?installationId=${installed.installationId}`);
    const { data } = (await logs.json()) as { data: { title: string; description: string }[] };
    expect(data.map((log) => [log.title, log.description])).toEqual([["installed", "org 12345"]]);

    expect(await runExample(example("sdk/act.ts"), { cwd, env: { ...env, DESK_ORG_ID: "12345" } })).toEqual({
      code: 0,
      stdout:
        "ticket:42\nCannot log in to the portal\nInvoice shows the wrong address\nFeature request: dark mode\n",
      stderr: "",
    });
  });

  it("web Request route: verifies, saves on install, deletes on uninstall, 401 for a forged callback", async () => {
    process.env.DESK_SECRET = SECRET;
    const { POST, store } = await import(example("sdk/web-request.ts"));
    const server = createServer(toNodeHandler(POST));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => new Promise((resolve) => server.close(resolve)));
    const { port } = server.address() as AddressInfo;
    const emulator = await emulatorFor(port);

    const installed = await emulator.install({ orgId: "12345" });
    expect(installed.callbacks.map(({ status }) => status)).toEqual([200]);
    expect((await store.list()).installations).toEqual([
      { orgId: "12345", securityContext: installed.securityContext },
    ]);
    const forged = await fetch(`http://127.0.0.1:${port}/desk/callbacks`, {
      method: "POST",
      headers: { HASH: "f".repeat(64) },
      body: JSON.stringify({ event: "onInstall", orgId: "666", securityContext: "forged" }),
    });
    expect(forged.status).toBe(401);
    await emulator.uninstall(installed.installationId);
    expect((await store.list()).installations).toEqual([]);
  });

  it("Express route: the raw body verified, the installation saved and deleted, 401 for a forged callback", async () => {
    const port = await freePort();
    const emulator = await emulatorFor(port);
    const cwd = folder();
    const app = await startExample(example("sdk/express.ts"), /listening for Desk callbacks/, {
      cwd,
      env: { DESK_SECRET: SECRET, PORT: String(port) },
    });
    cleanups.push(app.stop);
    const store = createFileInstallationStore(`${cwd}/data/installations.json`);

    const installed = await emulator.install({ orgId: "12345" });
    expect(installed.callbacks.map(({ status }) => status)).toEqual([200]);
    expect((await store.list()).installations).toEqual([
      { orgId: "12345", securityContext: installed.securityContext },
    ]);
    const forged = await fetch(`http://127.0.0.1:${port}/desk/callbacks`, {
      method: "POST",
      headers: { HASH: "f".repeat(64) },
      body: "{}",
    });
    expect(forged.status).toBe(401);
    await emulator.uninstall(installed.installationId);
    expect((await store.list()).installations).toEqual([]);
  });
});
