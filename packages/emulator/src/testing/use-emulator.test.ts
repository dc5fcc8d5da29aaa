import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ManifestError } from "../errors/manifest-error.js";
import { startTestEmulator } from "./start-test-emulator.js";
import { useEmulator } from "./use-emulator.js";

const SECRET = "testing_helper_secret_41c9";
const manifest = (more: Record<string, unknown> = {}) => ({
  name: "Testing helper",
  version: "1.0.0",
  service: "DESK",
  storage: true,
  secret: SECRET,
  whiteListedDomains: ["https://desk.zoho.com"],
  ...more,
});
const quiet = { onWarning: () => {} };

describe("useEmulator", () => {
  const desk = useEmulator({ manifest: manifest(), ...quiet, install: { orgId: "4242" } });
  // Read at collection time, before any hook ran.
  const early = (() => {
    try {
      return desk.url;
    } catch (error) {
      return error;
    }
  })();

  it("says so when read before its beforeAll ran", () => {
    expect(early).toEqual(
      new TypeError(
        "@desk/emulator: useEmulator's emulator is not started yet (read it inside a test or hook)",
      ),
    );
  });

  it("runs a real emulator on an ephemeral port with its database in a temporary folder", async () => {
    expect(desk.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(desk.url).not.toBe("http://127.0.0.1:4100");
    expect(desk.folder.startsWith(join(tmpdir(), "desk-emulator-test-"))).toBe(true);
    expect(existsSync(join(desk.folder, "desk.db"))).toBe(true);
    const refused = await fetch(`${desk.url}/api/v1/invoke?orgId=${desk.installation.orgId}`, {
      method: "POST",
    });
    expect(refused.status).toBe(401); // no HASH: refused by a real HTTP server
    expect(desk.secret).toBe(SECRET);
  });

  it("made the installation it was asked for, and installs more", async () => {
    expect(desk.installation).toEqual({
      orgId: "4242",
      installationId: expect.any(String),
      securityContext: expect.any(String),
    });
    const second = await desk.install({ orgId: "4343" });
    expect(second.orgId).toBe("4343");
    expect(second.securityContext).not.toBe(desk.installation.securityContext);
  });

  it("answers for every member of the Emulator it started", async () => {
    expect(desk.name).toBe("Testing helper");
    desk.setNow?.(Date.UTC(2025, 0, 1));
    expect(desk.now()).toBe(Date.UTC(2025, 0, 1));
    const outcome = await desk.trigger("onUpdate", { installationId: desk.installation.installationId });
    expect(outcome).toMatchObject({ event: "onUpdate", skipped: true, url: null });
    expect("installation" in desk && "folder" in desk).toBe(true);
  });
});

describe("startTestEmulator", () => {
  // A temporary folder of this test's own as os.tmpdir(), so what is left in it is this test's doing.
  let root: string;
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.TMPDIR;
    root = mkdtempSync(join(tmpdir(), "desk-emulator-testing-"));
    process.env.TMPDIR = root;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
    rmSync(root, { recursive: true, force: true });
  });

  it("close() stops the server and removes the folder; twice is fine", async () => {
    const desk = await startTestEmulator({ manifest: manifest(), ...quiet });
    expect(desk.folder.startsWith(root)).toBe(true);
    expect(readdirSync(root)).toHaveLength(1);
    await Promise.all([desk.close(), desk.close()]);
    await desk.close();
    expect(readdirSync(root)).toEqual([]);
    await expect(fetch(`${desk.url}/api/v1/invoke`, { method: "POST" })).rejects.toThrow(TypeError);
  });

  it("names what is missing: no installation made at start", async () => {
    const { secret: _, ...withoutSecret } = manifest();
    const desk = await startTestEmulator({ manifest: withoutSecret, ...quiet });
    try {
      expect(() => desk.installation).toThrow(
        new TypeError("@desk/emulator: no installation was made at start (give the install option)"),
      );
      expect(desk.secret).toBeUndefined(); // as the Emulator says it, for a manifest without one
    } finally {
      await desk.close();
    }
  });

  it("leaves no folder behind when the emulator cannot start", async () => {
    await expect(
      startTestEmulator({ manifest: manifest({ whiteListedDomains: "nope" }), ...quiet }),
    ).rejects.toBeInstanceOf(ManifestError);
    expect(readdirSync(root)).toEqual([]);
  });

  it("closes and leaves no folder behind when the installation at start fails", async () => {
    await expect(
      startTestEmulator({ manifest: manifest(), ...quiet, install: { orgId: "not an org id" } }),
    ).rejects.toMatchObject({ field: "orgId" });
    expect(readdirSync(root)).toEqual([]);
  });
});
