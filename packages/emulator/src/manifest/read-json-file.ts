import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { ManifestError } from "../errors/manifest-error.js";

/** Reads and parses a JSON file; unreadable or invalid JSON becomes a ManifestError naming the file. */
export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new ManifestError({
      file: basename(path),
      field: "",
      rule: `cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`,
      cause: error,
    });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ManifestError({
      file: basename(path),
      field: "",
      rule: `is not valid JSON (${(error as Error).message})`,
      cause: error,
    });
  }
}
