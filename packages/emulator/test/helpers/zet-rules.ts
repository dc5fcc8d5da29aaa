import { mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const TOOLKIT = "zoho-extension-toolkit";

let rule: { run(projectRoot: string): string[] } | undefined;

/**
 * Zoho's own DESK manifest rule (zoho-extension-toolkit's lib/rules/DESK.PluginManifestRule.js, what `zet validate`
 * runs), called on a project folder: the messages zet would print, in its order. Offline; the toolkit's settings
 * store is pointed at a temporary folder so the test writes nothing under $HOME.
 */
export function zetDeskRules(projectRoot: string): string[] {
  if (rule === undefined) {
    const saved = process.env["XDG_CONFIG_HOME"];
    process.env["XDG_CONFIG_HOME"] = mkdtempSync(join(tmpdir(), "zet-config-"));
    try {
      require(`${TOOLKIT}/lib/i18n/i18n-util.js`).internationlize();
      rule = require(`${TOOLKIT}/lib/rules/DESK.PluginManifestRule.js`);
    } finally {
      if (saved === undefined) delete process.env["XDG_CONFIG_HOME"];
      else process.env["XDG_CONFIG_HOME"] = saved;
    }
  }
  return rule!.run(projectRoot);
}

/** zet's messages about files missing from the project (the toolkit's own texts), which the comparison sets aside. */
export function isMissingFileMessage(message: string): boolean {
  const texts = require(`${TOOLKIT}/lib/i18n/locale_resource.js`).en.translation as Record<string, string>;
  const keys = [
    "desk_pluginmanifest_localenotfound",
    "desk_pluginmanifest_missingfileinappsource",
    "desk_pluginmanifest_missinglogofile",
    "desk_pluginmanifest_missingiconfile",
    "desk_resource_missinglogopathfile",
    "desk_resource_missing_jsonfile",
  ];
  return keys.some((key) => message.startsWith(texts[key]!));
}
