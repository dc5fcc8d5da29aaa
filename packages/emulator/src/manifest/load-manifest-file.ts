import { basename } from "node:path";
import { type Manifest, manifestSchema } from "./manifest-schema.js";
import { parseWithSchema } from "./parse-with-schema.js";
import { readJsonFile } from "./read-json-file.js";

/**
 * Loads and validates plugin-manifest.json from a path or an already parsed object.
 * Throws ManifestError naming the file, the field and the rule.
 *
 * @example
 * import { loadManifestFile } from "@desk/emulator";
 * const manifest = loadManifestFile("./plugin-manifest.json");
 * console.log(manifest.name, manifest.whiteListedDomains);
 */
export function loadManifestFile(source: string | object): Manifest {
  const file = typeof source === "string" ? basename(source) : "plugin-manifest.json";
  const value = typeof source === "string" ? readJsonFile(source) : source;
  return parseWithSchema(manifestSchema, value, file);
}
