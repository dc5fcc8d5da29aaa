import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ManifestError } from "../src/index.js";
import { loadExtension } from "../src/manifest/load-extension.js";
import { fixturePath } from "./helpers/fixture.js";
import { isMissingFileMessage, zetDeskRules } from "./helpers/zet-rules.js";

// Each corpus file goes through Zoho's own DESK rule and through the emulator's loader in both modes, in the same
// project folder (so both see the same missing widget pages, icons and translations).
const CORPUS = fixturePath("zet-corpus");
const manifests = readdirSync(join(CORPUS, "manifests"))
  .filter((name) => name.endsWith(".json") && !name.endsWith(".resources.json"))
  .map((name) => name.replace(/\.json$/, ""));
const resources = readdirSync(join(CORPUS, "resources"))
  .filter((name) => !name.startsWith("_"))
  .map((name) => name.replace(/\.json$/, ""));

interface Case {
  name: string;
  manifest: string;
  resources: string | undefined;
}
const cases: Case[] = [
  ...manifests.map((name) => {
    const pair = join(CORPUS, "manifests", `${name}.resources.json`);
    return {
      name: `manifests/${name}`,
      manifest: join(CORPUS, "manifests", `${name}.json`),
      resources: existsSync(pair) ? pair : undefined,
    };
  }),
  ...resources.map((name) => ({
    name: `resources/${name}`,
    manifest: join(CORPUS, "resources", "_manifest.json"),
    resources: join(CORPUS, "resources", `${name}.json`),
  })),
];

type Outcome = { refused: ManifestError } | { loaded: ReturnType<typeof loadExtension> };
function load(manifest: string, strict: boolean): Outcome {
  try {
    return { loaded: loadExtension({ manifest, strict }) };
  } catch (error) {
    if (ManifestError.isInstance(error)) return { refused: error };
    throw error;
  }
}

describe("the emulator's loader against Zoho's own DESK rules (zoho-extension-toolkit 1.0.24)", () => {
  const folders: string[] = [];
  afterAll(() => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });
  function project(entry: Case): string {
    const folder = mkdtempSync(join(tmpdir(), "zet-corpus-"));
    folders.push(folder);
    copyFileSync(entry.manifest, join(folder, "plugin-manifest.json"));
    if (entry.resources) copyFileSync(entry.resources, join(folder, "resources.json"));
    return folder;
  }

  it("the corpus holds at least 40 manifests and 15 resources files, valid and invalid, on every rule", () => {
    expect(manifests.length).toBeGreaterThanOrEqual(40);
    expect(resources.length).toBeGreaterThanOrEqual(15);
    const topics = [
      ...["locale", "modules", "whitelist", "config", "connectors", "csp", "storage", "type", "callback"],
      ...["secret", "zohoauth", "required", "unknown-keys", "full"],
    ];
    for (const topic of topics) expect(manifests.some((name) => name.startsWith(`${topic}-`))).toBe(true);
    for (const label of ["-valid-", "-invalid-"]) {
      expect(manifests.filter((name) => name.includes(label)).length).toBeGreaterThanOrEqual(10);
    }
    expect(
      resources.filter((name) => name.includes("valid-") && !name.includes("invalid")).length,
    ).toBeGreaterThan(3);
    expect(resources.filter((name) => name.includes("-invalid-")).length).toBeGreaterThan(10);
  });

  describe.each(cases)("$name", (entry) => {
    const folder = project(entry);
    const manifestPath = join(folder, "plugin-manifest.json");
    const zet = zetDeskRules(folder);
    const zetRefuses = zet.some((message) => !isMissingFileMessage(message));
    const label = entry.name.split("/")[1]!;

    it("Zoho's verdict is the one the file's name says", () => {
      expect(zetRefuses).toBe(label.includes("invalid"));
    });

    it("default mode: loads whatever Zoho accepts, refuses only what Zoho refuses too, warns in zet's words", () => {
      const outcome = load(manifestPath, false);
      if ("refused" in outcome) {
        expect(zetRefuses).toBe(true);
        // The refusal quotes one of the messages zet gives for this very file.
        expect(zet).toContain(/ \(zet: (.+)\)$/s.exec(outcome.refused.rule)?.[1]);
        return;
      }
      expect(outcome.loaded.warnings.map((finding) => finding.rule)).toEqual(zet);
    });

    it("strict mode: refuses exactly what Zoho refuses, missing files aside", () => {
      const outcome = load(manifestPath, true);
      expect("refused" in outcome).toBe(zetRefuses);
      if ("loaded" in outcome) {
        expect(outcome.loaded.warnings.every((finding) => finding.kind === "file")).toBe(true);
        expect(outcome.loaded.warnings.map((finding) => finding.rule)).toEqual(zet);
      }
    });
  });
});
