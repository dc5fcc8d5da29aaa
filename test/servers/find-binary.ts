import { existsSync, readdirSync } from "node:fs";
import { delimiter, join } from "node:path";

/**
 * Where a server binary is: the first of `folders` (then PATH) that has it. Outside CI a missing binary answers
 * undefined, so the tests can skip with `hint`; in CI (CI=true) it throws, so they fail instead.
 */
export function findBinary(name: string, hint: string, folders: readonly string[] = []): string | undefined {
  const path = (process.env["PATH"] ?? "").split(delimiter);
  for (const folder of [...folders, ...path]) {
    if (folder && existsSync(join(folder, name))) return join(folder, name);
  }
  if (process.env["CI"] === "true") throw new Error(`${name} not found: ${hint}`);
  console.warn(`skipping the tests that need ${name}: ${hint}`);
  return undefined;
}

/** /usr/lib/postgresql/<version>/bin folders, newest version first (Debian's layout). */
export function postgresFolders(): string[] {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((version) => /^\d+$/.test(version))
    .sort((a, b) => Number(b) - Number(a))
    .map((version) => join(root, version, "bin"));
}
