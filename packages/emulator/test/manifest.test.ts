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
    [
      { callbackListener: { onUninstall: "https://x.example/u" }, secret: undefined },
      "secret",
      "is required with callbackListener",
    ],
    [{ callbackListener: { onUninstall: "https://x.example/u" }, secret: 42 }, "secret", "must be a string"],
    [
      { whiteListedDomains: ["ftp://x.example"] },
      "whiteListedDomains[0]",
      "must be an http, https or wss URL",
    ],
    [{ whiteListedDomains: "https://x.example" }, "whiteListedDomains", "must be an array of URLs"],
    [{ storage: "yes" }, "storage", "must be true or false"],
    [{ config: [{ name: "a" }, { name: "a " }] }, "config[1].name", 'duplicates "a"'],
    [{ config: [{ name: "1bad" }] }, "config[0].name", "must start with a letter"],
    [{ config: [{}] }, "config[0]", "Empty objects not allowed in 'config'"],
    [{ config: { name: "a" } }, "config", "must be an array of config params"],
    [{ connectors: [{ connectionName: "jira" }] }, "connectors[0].connectionLinkName", "is required"],
    [{ callbackListener: { onUninstall: "not a url" } }, "callbackListener.onUninstall", "must be a URL"],
    [{ callbackListener: "https://x.example" }, "callbackListener", "must be an object"],
  ])("names file, field and rule, quoting zet (%j)", (override, field, rule) => {
    const error = failure(() => loadManifestFile(fixtureManifest(override)));
    expect(error.file).toBe("plugin-manifest.json");
    expect(error.field).toBe(field);
    expect(error.rule).toContain(rule);
    expect(error.rule).toMatch(/ \(zet: .+\)$/);
    expect(error.message).toBe(`@desk/emulator: plugin-manifest.json: ${field}: ${error.rule}`);
    expect(EmulatorError.isInstance(error)).toBe(true);
    expect((error as unknown as Record<symbol, unknown>)[Symbol.for("@desk/error")]).toBe(true);
  });

  it("real manifests load: no name, no secret without callbackListener, unknown keys kept", () => {
    const manifest = loadManifestFile({
      locale: ["en"],
      service: "DESK",
      storage: false,
      whiteListedDomains: ["https://desk.zoho.com", "wss://push.example.com"],
      modules: {
        widgets: [{ name: "Board", location: "desk.ticket.detail.rightpanel", url: "/app/widget.html" }],
      },
      config: [{ name: "api-key name", userdefined: false }],
      connectors: [],
      cspDomains: { "connect-src": ["https://api.example.com"] },
      moduleSpecificFlag: { kept: true },
    });
    expect(manifest.name).toBeUndefined();
    expect(manifest.secret).toBeUndefined();
    expect(manifest["moduleSpecificFlag"]).toEqual({ kept: true });
    expect(manifest.config?.[0]?.name).toBe("api-key name");
  });

  it.each([
    [
      { fields: [{ module: "tickets", displayLabel: "Key", type: "Text" }] },
      "fields[0].resourceName",
      "is required and must be a string (zet: The \"resourceName\" property is missing for the 'resources.json'- fields )",
    ],
    [{ fields: { resourceName: "x" } }, "fields", "must be an array"],
    [
      { permissions: [{ resourceName: "p", apiName: "a" }] },
      "permissions[0].defaultState",
      "must be a boolean",
    ],
    [
      {
        permissions: [
          { apiName: "a", defaultState: true },
          { apiName: "a", defaultState: false },
        ],
      },
      "permissions[1].apiName",
      'duplicates "a"',
    ],
    [{ webhook: { url: "https://x.example/hook" } }, "webhook.resourceName", "is required"],
    [{ targets: [{ resourceName: "" }] }, "targets[0].resourceName", "must not be empty"],
  ])("resources.json: names the field and the rule (%j)", (value, field, rule) => {
    const error = failure(() => loadResourcesFile(value));
    expect(error.file).toBe("resources.json");
    expect(error.field).toBe(field);
    expect(error.rule).toContain(rule);
  });

  it("resources.json: a channel needs no resourceName; more than 10 fields and a name repeated within one type are only warnings, as in zet", () => {
    expect(loadResourcesFile({ fields: [{ resourceName: "x" }, { resourceName: "x" }] }).fields).toHaveLength(
      2,
    );
    const resources = loadResourcesFile({
      channel: { channelLogoPath: "/app/img/logo.png", contentTypes: ["text/plain"], sync: { push: true } },
      fields: Array.from({ length: 11 }, (_, i) => ({ resourceName: `f${i}` })),
    });
    expect(resources.channel).toMatchObject({ channelLogoPath: "/app/img/logo.png" });
    expect(resources.fields).toHaveLength(11);
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
    await expect(
      startEmulator({
        manifest: { callbackListener: { onUninstall: "https://x.example" } },
        port: 0,
        db: ":memory:",
      }),
    ).rejects.toMatchObject({ field: "secret" });
  });
});
