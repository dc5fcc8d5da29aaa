// The workspace's packages, read from disk (never a hard-coded list): the folders pnpm-workspace.yaml names.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const repositoryRoot = fileURLToPath(new URL("../", import.meta.url));

export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  publishConfig?: Record<string, unknown>;
  bin?: Record<string, string>;
  [field: string]: unknown;
}

export interface WorkspacePackage {
  /** Folder relative to the repository root, e.g. `packages/hash`. */
  folder: string;
  manifest: Manifest;
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, "utf8")) as T;

/** The `packages:` entries of pnpm-workspace.yaml: `group/*` globs and plain folders (the forms used here). */
const workspaceEntries = (): string[] => {
  const yaml = readFileSync(join(repositoryRoot, "pnpm-workspace.yaml"), "utf8");
  const block = /^packages:\n((?:\s+-.*\n)+)/m.exec(yaml)?.[1] ?? "";
  return [...block.matchAll(/-\s*["']?([^"'\s]+)["']?/g)].map((match) => match[1]!);
};

/** The pnpm `catalog:` of pnpm-workspace.yaml, name to range. */
export const readCatalog = (): Record<string, string> => {
  const yaml = readFileSync(join(repositoryRoot, "pnpm-workspace.yaml"), "utf8");
  const block = /^catalog:\n((?:[ \t]+.*\n)+)/m.exec(yaml)?.[1] ?? "";
  return Object.fromEntries(
    [...block.matchAll(/^\s+["']?([^"':\s]+)["']?:\s*["']?([^"'\s]+)["']?\s*$/gm)].map((match) => [
      match[1]!,
      match[2]!,
    ]),
  );
};

export const workspacePackages = (): WorkspacePackage[] =>
  workspaceEntries().flatMap((entry) => {
    const group = entry.endsWith("/*") ? entry.slice(0, -2) : undefined;
    const folders =
      group === undefined
        ? [entry]
        : existsSync(join(repositoryRoot, group))
          ? readdirSync(join(repositoryRoot, group), { withFileTypes: true })
              .filter((item) => item.isDirectory())
              .map((item) => `${group}/${item.name}`)
          : [];
    return folders
      .filter((folder) => existsSync(join(repositoryRoot, folder, "package.json")))
      .map((folder) => ({
        folder,
        manifest: readJson<Manifest>(join(repositoryRoot, folder, "package.json")),
      }));
  });

/** The packages a release publishes: every workspace package not marked private, dependencies first. */
export const publicPackages = (): WorkspacePackage[] => {
  const all = workspacePackages().filter((pkg) => pkg.manifest.private !== true);
  const names = new Set(all.map((pkg) => pkg.manifest.name));
  const ordered: WorkspacePackage[] = [];
  const visit = (pkg: WorkspacePackage, path: string[]) => {
    if (ordered.includes(pkg) || path.includes(pkg.manifest.name)) return;
    for (const dep of Object.keys({ ...pkg.manifest.dependencies, ...pkg.manifest.peerDependencies })) {
      const target = all.find((other) => other.manifest.name === dep);
      if (target && names.has(dep)) visit(target, [...path, pkg.manifest.name]);
    }
    ordered.push(pkg);
  };
  for (const pkg of all) visit(pkg, []);
  return ordered;
};

/** What a published manifest depends on at run time: dependencies, peer and optional dependencies. */
export const runtimeDependencies = (manifest: Manifest): Record<string, string> => ({
  ...manifest.optionalDependencies,
  ...manifest.peerDependencies,
  ...manifest.dependencies,
});
