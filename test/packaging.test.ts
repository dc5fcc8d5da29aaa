// What each published package carries and asks for, checked without a registry (test/registry/ does the rest):
// its own LICENSE, README and CHANGELOG in the tarball whether npm or pnpm packs it, no tests, ranges that share
// with a user's copies, and nothing that could send it somewhere other than the registry the maintainer names.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { publicPackages, readCatalog, repositoryRoot, runtimeDependencies } from "./workspace-packages.js";

const packages = publicPackages();
const rootLicense = readFileSync(join(repositoryRoot, "LICENSE"), "utf8");

/** The files `npm pack` would put in the tarball (npm has no hook and no root-LICENSE fallback, unlike pnpm). */
const npmPackFiles = (folder: string): string[] => {
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
    cwd: join(repositoryRoot, folder),
    encoding: "utf8",
    env: { ...process.env, npm_config_loglevel: "error" },
  });
  const [report] = JSON.parse(out) as [{ files: { path: string }[] }];
  return report.files.map((file) => file.path);
};

describe("published packages", () => {
  it("are found in the workspace (the list is derived, not written down)", () => {
    expect(packages.map((pkg) => pkg.manifest.name)).toContain("@desk/hash");
    expect(packages.every((pkg) => pkg.manifest.name.startsWith("@desk/"))).toBe(true);
  });

  it.each(packages.map((pkg) => [pkg.manifest.name, pkg] as const))(
    "%s has its own LICENSE (the root one), a README and a CHANGELOG",
    (name, pkg) => {
      const file = (path: string) => join(repositoryRoot, pkg.folder, path);
      expect(readFileSync(file("LICENSE"), "utf8")).toBe(rootLicense);
      expect(existsSync(file("README.md"))).toBe(true);
      expect(readFileSync(file("CHANGELOG.md"), "utf8")).toMatch(new RegExp(`^# ${name}\\n`));
    },
  );

  it.each(packages.map((pkg) => [pkg.manifest.name, pkg] as const))(
    "%s packed by npm holds LICENSE, README and CHANGELOG and no test or bench file",
    (_name, pkg) => {
      const files = npmPackFiles(pkg.folder);
      expect(files).toEqual(expect.arrayContaining(["LICENSE", "README.md", "CHANGELOG.md", "package.json"]));
      expect(
        files.filter((path) => /(?:^|\/)(?:test|bench)\/|\.(?:test|bench)\.[cm]?[jt]s$/.test(path)),
      ).toEqual([]);
    },
    60_000,
  );

  it("depend on third-party packages with caret ranges (shared with the user's copies), on each other as workspace:^", () => {
    const catalog = readCatalog();
    const internal = new Set(packages.map((pkg) => pkg.manifest.name));
    const offenders: string[] = [];
    for (const { manifest } of packages) {
      for (const [dep, spec] of Object.entries(runtimeDependencies(manifest))) {
        if (internal.has(dep)) {
          if (spec !== "workspace:^")
            offenders.push(`${manifest.name} -> ${dep}: ${spec} (want workspace:^)`);
          continue;
        }
        const range = spec === "catalog:" ? catalog[dep] : spec;
        // A peer dependency may be wider than a caret (">=8 <10"), never an exact pin.
        const peer = dep in (manifest.peerDependencies ?? {}) && !(dep in (manifest.dependencies ?? {}));
        const ok = range !== undefined && (peer ? !/^=?\d+\.\d+\.\d+$/.test(range) : /^\^\d/.test(range));
        if (!ok) {
          offenders.push(
            `${manifest.name} -> ${dep}: ${spec}${spec === "catalog:" ? ` = ${range}` : ""} (want ^x.y.z)`,
          );
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it("name no registry of their own: the release goes where the maintainer configures (RELEASING.md)", () => {
    for (const { manifest } of packages) {
      expect(Object.keys(manifest.publishConfig ?? {}).filter((key) => /registry/i.test(key))).toEqual([]);
    }
  });

  it("drop repository-only fields from the manifest pnpm packs (the beforePacking hook)", async () => {
    const { hooks } = (await import(join(repositoryRoot, ".pnpmfile.cjs"))).default as {
      hooks: { beforePacking: (manifest: Record<string, unknown>) => Record<string, unknown> };
    };
    const packed = hooks.beforePacking({
      name: "@desk/example",
      scripts: { build: "tsup" },
      devDependencies: { tsup: "8.5.0" },
      "size-limit": [{ path: "dist/index.js" }],
      dependencies: { zod: "^4.6.7" },
      exports: { ".": "./dist/index.js" },
    });
    expect(packed).toEqual({
      name: "@desk/example",
      dependencies: { zod: "^4.6.7" },
      exports: { ".": "./dist/index.js" },
    });
  });
});
