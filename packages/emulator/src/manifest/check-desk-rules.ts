import { existsSync } from "node:fs";
import { join } from "node:path";
import { checkManifest } from "./desk-rules/check-manifest.js";
import { checkResources } from "./desk-rules/check-resources.js";
import type { DeskRuleFinding } from "./desk-rules/finding.js";
import { ZET } from "./desk-rules/zet-messages.js";

/**
 * Runs Zoho's DESK rules (those of `zet validate`, zoho-extension-toolkit 1.0.24) over a manifest and its resources,
 * and answers every broken rule in zet's words and order, each with its file and field path. File rules (widget
 * pages, icons, translations, a channel logo, resources.json itself) look in `projectRoot`, and are skipped without
 * one. Like zet, a manifest missing a required key gets only those findings.
 *
 * @example
 * import { checkDeskRules } from "@desk/emulator";
 * for (const finding of checkDeskRules({ storage: true }, undefined)) console.log(finding.field, finding.rule);
 * // locale "locale" key is missing in the plugin-manifest file.  (and the other required keys)
 */
export function checkDeskRules(
  manifest: object,
  resources: object | undefined,
  options: {
    projectRoot?: string | undefined;
    /** The names findings give the files (default plugin-manifest.json, resources.json). */
    manifestFile?: string | undefined;
    resourcesFile?: string | undefined;
  } = {},
): DeskRuleFinding[] {
  const root = options.projectRoot;
  const exists = root === undefined ? () => true : (path: string) => existsSync(join(root, path));
  const { findings, complete } = checkManifest(
    manifest as Record<string, unknown>,
    exists,
    options.manifestFile,
  );
  if (!complete) return findings.list;
  // Without a project folder (a manifest given as an object) no file rule applies, resources.json's presence included.
  if (resources === undefined && root === undefined) return findings.list;
  if (resources === undefined) {
    return [
      ...findings.list,
      { file: "resources.json", field: "", rule: ZET.resourceMissingJsonfile, kind: "file" },
    ];
  }
  return [
    ...findings.list,
    ...checkResources(resources as Record<string, unknown>, exists, options.resourcesFile).list,
  ];
}

/**
 * The one warning the emulator gives at start for the rules it does not need: what `zet validate` would say.
 *
 * @example
 * const text = formatDeskRuleWarning(checkDeskRules(manifest, resources), { strict: false });
 */
export function formatDeskRuleWarning(
  findings: readonly DeskRuleFinding[],
  options: { strict: boolean },
): string {
  const rules = findings.filter((finding) => finding.kind === "rule").length;
  const files = findings.length - rules;
  const counts = [
    rules > 0 ? `${rules} of Zoho's DESK rules` : "",
    files > 0 ? `${files} rule${files === 1 ? "" : "s"} about the project's files` : "",
  ]
    .filter(Boolean)
    .join(" and ");
  const lines = findings.map(
    (finding) => ` ==> ${finding.rule}  (${finding.file}${finding.field ? `: ${finding.field}` : ""})`,
  );
  const after =
    rules > 0 && !options.strict
      ? "The emulator runs the extension anyway; Desk's upload would refuse it (--strict refuses it here too)."
      : "The emulator serves no widget files, so it runs the extension anyway.";
  return [`the extension breaks ${counts}; zet validate would say:`, ...lines, after].join("\n");
}
