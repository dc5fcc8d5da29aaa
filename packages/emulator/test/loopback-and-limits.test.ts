import { networkInterfaces } from "node:os";
import { signInvoke } from "@desk/hash";
import { describe, expect, it } from "vitest";
import { INVOKE_BODY_LIMIT_BYTES, startEmulator } from "../src/index.js";
import { fixtureManifest } from "./helpers/fixture.js";

const external = Object.values(networkInterfaces())
  .flat()
  .find((address) => address?.family === "IPv4" && !address.internal)?.address;

describe("admin API is loopback only", () => {
  it.runIf(external !== undefined)("refuses a client that is not on the loopback interface", async () => {
    const emulator = await startEmulator({
      manifest: fixtureManifest(),
      host: "0.0.0.0",
      port: 0,
      db: ":memory:",
    });
    try {
      const port = new URL(emulator.url).port;
      const remote = await fetch(`http://${external}:${port}/_emulator/health`);
      expect(remote.status).toBe(403);
      expect(await remote.json()).toMatchObject({ errorCode: "FORBIDDEN" });
      const local = await fetch(`http://127.0.0.1:${port}/_emulator/health`);
      expect(local.status).toBe(200);
    } finally {
      await emulator.close();
    }
  });
});

describe("invoke body limit without Content-Length", () => {
  it("413 PAYLOAD_TOO_LARGE for a chunked body over the limit", async () => {
    const emulator = await startEmulator({ manifest: fixtureManifest(), port: 0, db: ":memory:" });
    try {
      const chunk = new TextEncoder().encode("a".repeat(65_536));
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent > INVOKE_BODY_LIMIT_BYTES + chunk.length) return controller.close();
          sent += chunk.length;
          controller.enqueue(chunk);
        },
      });
      const response = await fetch(`${emulator.url}/api/v1/invoke?orgId=1`, {
        method: "POST",
        headers: {
          HASH: await signInvoke(emulator.secret, {}),
          "Content-Type": "application/x-www-form-urlencoded",
        },
        body,
        duplex: "half",
      } as RequestInit);
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ errorCode: "PAYLOAD_TOO_LARGE" });
    } finally {
      await emulator.close();
    }
  });
});
