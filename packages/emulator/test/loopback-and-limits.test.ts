import { signInvoke } from "@desk/hash";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { adminGuard } from "../src/admin/admin-guard.js";
import { handleError } from "../src/http/error-response.js";
import { INVOKE_BODY_LIMIT_BYTES, startEmulator } from "../src/index.js";
import { fixtureManifest } from "./helpers/fixture.js";

// Deterministic: the middleware reads the socket's remote address from node-server's bindings, so each address is
// handed in directly instead of depending on whether this machine has a non-loopback interface.
const appWith = () =>
  new Hono()
    .use("*", adminGuard())
    .get("/health", (c) => c.json({ ok: true }))
    .onError(handleError);
const from = (remoteAddress: string) =>
  appWith().request(
    "/health",
    { headers: { Host: "127.0.0.1:4100" } },
    { incoming: { socket: { remoteAddress, remotePort: 50_000 } } },
  );

describe("admin API is loopback only", () => {
  it.each(["192.0.2.10", "10.0.0.7", "::ffff:192.0.2.10", "2001:db8::1", "128.0.0.1"])(
    "refuses a client at %s with 403 FORBIDDEN",
    async (address) => {
      const response = await from(address);
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ errorCode: "FORBIDDEN" });
    },
  );
  it.each(["127.0.0.1", "127.0.0.2", "::1", "::ffff:127.0.0.1"])("serves a client at %s", async (address) => {
    const response = await from(address);
    expect(response.status).toBe(200);
  });
  it("serves a real loopback client through the emulator's admin API", async () => {
    const emulator = await startEmulator({ manifest: fixtureManifest(), port: 0, db: ":memory:" });
    try {
      const local = await fetch(`${emulator.url}/_emulator/health`);
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
          HASH: await signInvoke(emulator.secret!, {}),
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
