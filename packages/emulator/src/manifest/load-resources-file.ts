import { basename } from "node:path";
import { parseWithSchema } from "./parse-with-schema.js";
import { readJsonFile } from "./read-json-file.js";
import { type Resources, resourcesSchema } from "./resources-schema.js";

/**
 * Loads and validates resources.json from a path or an already parsed object (absent = no resources).
 * Throws ManifestError naming the file, the field and the rule.
 *
 * @example
 * import { loadResourcesFile } from "@desk/emulator";
 * const resources = loadResourcesFile("./resources.json");
 * console.log(resources.fields?.length);
 */
export function loadResourcesFile(source: string | object | undefined): Resources {
  if (source === undefined) return {};
  const file = typeof source === "string" ? basename(source) : "resources.json";
  const value = typeof source === "string" ? readJsonFile(source) : source;
  return parseWithSchema(resourcesSchema, value, file);
}
