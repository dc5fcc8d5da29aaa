// The @desk/hash README's examples, run as written against the emulator: a hand-signed invoke call, and an
// Express callback listener that the emulator's signed callbacks reach.
import { useEmulator } from "@desk/emulator/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { example, freePort, manifestFor, type RunningExample, runExample, startExample } from "./harness.js";

describe("@desk/hash README examples", () => {
  let listener: RunningExample;
  let port: number;
  let secret: string;

  // The manifest names the listener's port, picked first.
  const emulator = useEmulator(async () => {
    port = await freePort();
    const manifest = manifestFor("hash", { 4200: port });
    secret = manifest.secret;
    return { manifest };
  });
  beforeAll(async () => {
    listener = await startExample(example("hash/verify-callback.ts"), /listening for Desk callbacks/, {
      env: { DESK_SECRET: secret, PORT: String(port) },
    });
  });
  afterAll(async () => {
    await listener?.stop();
  });

  it("the listener accepts the emulator's signed callbacks and refuses a forged one", async () => {
    const installed = await emulator.install({ orgId: "12345" });
    expect(installed.callbacks.map(({ event, status }) => [event, status])).toEqual([["onInstall", 200]]);
    const forged = await fetch(`http://127.0.0.1:${port}/desk/callbacks`, {
      method: "POST",
      headers: { HASH: "0".repeat(64), "Content-Type": "application/json" },
      body: JSON.stringify({ event: "onInstall", orgId: "666", securityContext: "forged" }),
    });
    expect(forged.status).toBe(401);
    await emulator.uninstall(installed.installationId);
    expect(listener.output()).toBe(
      `listening for Desk callbacks on http://127.0.0.1:${port}\nonInstall from org 12345\nonUninstall from org 12345\n`,
    );
  });

  it("a hand-signed invoke call reaches Desk's tickets API", async () => {
    const { orgId, securityContext } = await emulator.install({ orgId: "23456" });
    const env = {
      DESK_SECRET: secret,
      DESK_BASE_URL: emulator.url,
      DESK_ORG_ID: orgId,
      DESK_SECURITY_CONTEXT: securityContext,
    };
    expect(await runExample(example("hash/sign-invoke.ts"), { env })).toEqual({
      code: 0,
      stdout: "invoke 200, tickets 200\n",
      stderr: "",
    });
    // One character of the secret off: Desk refuses the HASH.
    const wrong = await runExample(example("hash/sign-invoke.ts"), {
      env: { ...env, DESK_SECRET: `${secret}x` },
    });
    expect(wrong.stdout).toBe("invoke 401, tickets undefined\n");
  });
});
