// The root README's Quick start, TypeScript and plain .mjs, run as written against the emulator, with the
// tracker stand-in of the same folder.
import { startTestEmulator } from "@desk/emulator/testing";
import { createDesk } from "@desk/sdk";
import { createFileInstallationStore } from "@desk/sdk/node";
import { afterEach, describe, expect, it } from "vitest";
import { example, freePort, manifestFor, runExample, startExample, tempFolder } from "./harness.js";

const variants = [
  { language: "TypeScript", server: "quick-start/server.ts", escalate: "quick-start/escalate.ts" },
  { language: "plain JavaScript", server: "quick-start/server.mjs", escalate: "quick-start/escalate.mjs" },
];

describe.each(variants)("Quick start in $language", (variant) => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function setUp() {
    const [port, trackerPort] = [await freePort(), await freePort()];
    const tracker = await startExample(example("quick-start/tracker.mjs"), /tracker stand-in on/, {
      env: { PORT: String(trackerPort), TRACKER_TOKEN: "tkn_secret_1" },
    });
    cleanups.push(tracker.stop);
    const manifest = manifestFor("quick-start", { 4200: port, 4300: trackerPort });
    const emulator = await startTestEmulator({ manifest });
    cleanups.push(() => emulator.close());
    const folder = tempFolder();
    cleanups.push(folder.remove);
    const env = { DESK_SECRET: manifest.secret, DESK_BASE_URL: emulator.url, PORT: String(port) };
    const server = await startExample(example(variant.server), /listening for Desk callbacks/, {
      cwd: folder.path,
      env,
    });
    cleanups.push(server.stop);
    expect(server.output()).toBe(`listening for Desk callbacks on http://127.0.0.1:${port}\n`);
    const store = createFileInstallationStore(`${folder.path}/data/installations.json`);
    const escalate = () =>
      runExample(example(variant.escalate), { cwd: folder.path, env: { ...env, DESK_ORG_ID: "12345" } });
    return {
      emulator,
      secret: manifest.secret,
      store,
      escalate,
      trackerUrl: `http://127.0.0.1:${trackerPort}`,
    };
  }

  it("install saves the installation; escalate calls the tracker through invoke and stores the issue", async () => {
    const { emulator, secret, store, escalate, trackerUrl } = await setUp();
    const installed = await emulator.install({
      orgId: "12345",
      config: { trackerUrl, trackerToken: "tkn_secret_1" },
    });
    expect(installed.callbacks.map(({ event, status }) => [event, status])).toEqual([["onInstall", 200]]);
    expect((await store.list()).installations.map((record) => record.orgId)).toEqual(["12345"]);

    // The tracker answers 201 only to the right token: Desk substituted the secure config param.
    expect(await escalate()).toEqual({ code: 0, stdout: "ticket 42 escalated as TRK-1\n", stderr: "" });
    const inst = createDesk({ secret, baseUrl: emulator.url }).installation((await store.get("12345"))!);
    expect(await inst.storage.getItem("ticket:42")).toEqual({
      key: "ticket:42",
      queriableValue: "escalated",
      value: { issue: "TRK-1" },
    });
  });

  it("a tracker refusal stops escalate with its status, and nothing is stored", async () => {
    const { emulator, secret, store, escalate, trackerUrl } = await setUp();
    await emulator.install({ orgId: "12345", config: { trackerUrl, trackerToken: "wrong_token" } });
    const run = await escalate();
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Error: the tracker answered 401");
    expect(run.stderr).not.toContain("wrong_token");
    const inst = createDesk({ secret, baseUrl: emulator.url }).installation((await store.get("12345"))!);
    expect(await inst.storage.getItem("ticket:42")).toBeUndefined();
  });

  it("escalate for an org that never installed says so", async () => {
    const { escalate } = await setUp();
    const run = await escalate();
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("NotInstalledError: @desk/sdk: the org has not installed the extension");
  });
});
