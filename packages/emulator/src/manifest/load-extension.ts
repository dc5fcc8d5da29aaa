import { existsSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { ManifestError } from "../errors/manifest-error.js";
import { checkDeskRules } from "./check-desk-rules.js";
import type { DeskRuleFinding } from "./desk-rules/finding.js";
import { type Manifest, manifestSchema } from "./manifest-schema.js";
import { parseWithSchema } from "./parse-with-schema.js";
import { readJsonFile } from "./read-json-file.js";
import { type Resources, resourcesSchema } from "./resources-schema.js";

/** A loaded extension: what the emulator runs with, and what Zoho's rules would say about it. */
export interface LoadedExtension {
  manifest: Manifest;
  resources: Resources;
  /** Zoho's rules the files break but the emulator can run with (with `strict`, only the project-file ones). */
  warnings: DeskRuleFinding[];
}

/**
 * Loads plugin-manifest.json and resources.json (paths or parsed objects; resources default to the file beside a
 * manifest path). Refuses, naming file, field path and rule, what the emulator cannot run with; with `strict`, also
 * every other rule of Zoho's that fails (project-file rules stay warnings).
 */
export function loadExtension(options: {
  manifest: string | object;
  resources?: string | object | undefined;
  strict?: boolean | undefined;
}): LoadedExtension {
  const manifestFile =
    typeof options.manifest === "string" ? basename(options.manifest) : "plugin-manifest.json";
  const rawManifest =
    typeof options.manifest === "string" ? readJsonFile(options.manifest) : options.manifest;
  const manifest = parseWithSchema(manifestSchema, rawManifest, manifestFile);
  const resourcesSource = options.resources ?? besideManifest(options.manifest);
  const resourcesFile = typeof resourcesSource === "string" ? basename(resourcesSource) : "resources.json";
  const rawResources = typeof resourcesSource === "string" ? readJsonFile(resourcesSource) : resourcesSource;
  const resources =
    rawResources === undefined ? {} : parseWithSchema(resourcesSchema, rawResources, resourcesFile);

  const projectRoot = typeof options.manifest === "string" ? dirname(options.manifest) : undefined;
  // Zoho's rules read the files as written (the parsed values above are normalised for running).
  const findings = checkDeskRules(rawManifest as object, rawResources as object | undefined, {
    projectRoot,
    manifestFile,
    resourcesFile,
  });
  if (!options.strict) return { manifest, resources, warnings: findings };
  const refused = findings.filter((finding) => finding.kind === "rule");
  if (refused.length > 0) throw strictRefusal(refused);
  return { manifest, resources, warnings: findings };
}

function besideManifest(manifest: string | object): string | undefined {
  if (typeof manifest !== "string") return undefined;
  const path = join(dirname(manifest), "resources.json");
  return existsSync(path) ? path : undefined;
}

function strictRefusal(refused: readonly DeskRuleFinding[]): ManifestError {
  const [first, ...more] = refused as [DeskRuleFinding, ...DeskRuleFinding[]];
  const rest = more
    .map((finding) => `\n  ${finding.file}: ${finding.field || "(root)"}: ${finding.rule}`)
    .join("");
  const rule = `${first.rule} (zet validate; refused with strict)${more.length > 0 ? `; and ${more.length} more:${rest}` : ""}`;
  return new ManifestError({ file: first.file, field: first.field, rule: rule, findings: refused });
}
