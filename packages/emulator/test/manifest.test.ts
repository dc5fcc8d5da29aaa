import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  EmulatorError,
  loadManifestFile,
  loadResourcesFile,
  ManifestError,
  startEmulator,
} from "../src/index.js";
import { fixtureManifest, fixturePath, fixtureResources } from "./helpers/fixture.js";

function failure(run: () => unknown): ManifestError {
  try {
    run();
  } catch (error) {
    if (ManifestError.isInstance(error)) return error;
    throw error;
  }
  throw new Error("expected a ManifestError");
}

describe("manifest and resources loading", () => {
  const folder = mkdtempSync(join(tmpdir(), "desk-manifest-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("loads the fixture pair from disk", () => {
    expect(loadManifestFile(fixturePath("plugin-manifest.json")).name).toBe("Issue Tracker Sync");
    expect(loadResourcesFile(fixturePath("resources.json")).fields).toHaveLength(2);
  });

  it.each([
    [{ secret: undefined }, "secret", "is required"],
    [{ whiteListedDomains: ["ftp://x.example"] }, "whiteListedDomains[0]", "must be an absolute http(s) URL"],
    [{ storage: "yes" }, "storage", "must be a boolean"],
    [{ service: "CRM" }, "service", 'must be "DESK"'],
    [{ config: Array.from({ length: 21 }, (_, i) => ({ name: `p${i}` })) }, "config", "at most 20"],
    [{ config: [{ name: "a" }, { name: "a" }] }, "config[1].name", 'duplicates "a"'],
    [{ config: [{ name: "1bad" }] }, "config[0].name", "not starting with a digit"],
    [{ callbackListener: { onInstall: "not a url" } }, "callbackListener.onInstall", "http(s) URL"],
  ])("names file, field and rule (%j)", (override, field, rule) => {
    const error = failure(() => loadManifestFile(fixtureManifest(override)));
    expect(error.file).toBe("plugin-manifest.json");
    expect(error.field).toBe(field);
    expect(error.rule).toContain(rule);
    expect(error.message).toBe(`@desk/emulator: plugin-manifest.json: ${field}: ${error.rule}`);
    expect(EmulatorError.isInstance(error)).toBe(true);
    expect((error as unknown as Record<symbol, unknown>)[Symbol.for("@desk/error")]).toBe(true);
  });

  it.each([
    [
      { fields: Array.from({ length: 11 }, (_, i) => ({ resourceName: `f${i}` })) },
      "fields",
      "at most 10 fields",
    ],
    [
      { permissions: [{ resourceName: "p", apiName: "a" }] },
      "permissions[0].defaultState",
      "must be a boolean",
    ],
    [{ fields: [{ resourceName: "x" }, { resourceName: "x" }] }, "fields[1].resourceName", "duplicates"],
  ])("resources.json: names the field and the rule (%j)", (value, field, rule) => {
    const error = failure(() => loadResourcesFile(value));
    expect(error.file).toBe("resources.json");
    expect(error.field).toBe(field);
    expect(error.rule).toContain(rule);
  });

  it("a file that is not JSON names the file", () => {
    const path = join(folder, "plugin-manifest.json");
    writeFileSync(path, "{ nope");
    const error = failure(() => loadManifestFile(path));
    expect(error.file).toBe("plugin-manifest.json");
    expect(error.rule).toContain("is not valid JSON");
  });

  it("a missing file names the file", () => {
    expect(failure(() => loadManifestFile(join(folder, "missing.json"))).rule).toContain(
      "cannot be read (ENOENT)",
    );
  });

  it("startEmulator picks resources.json beside a manifest path, and refuses a bad manifest", async () => {
    writeFileSync(join(folder, "plugin-manifest.json"), JSON.stringify(fixtureManifest()));
    writeFileSync(join(folder, "resources.json"), JSON.stringify(fixtureResources()));
    const emulator = await startEmulator({
      manifest: join(folder, "plugin-manifest.json"),
      port: 0,
      db: ":memory:",
    });
    try {
      const installation = await emulator.install();
      expect(installation.installationId).toMatch(/^\d+$/);
    } finally {
      await emulator.close();
    }
    await expect(startEmulator({ manifest: { name: "x" }, port: 0, db: ":memory:" })).rejects.toMatchObject({
      field: "secret",
    });
  });
});
