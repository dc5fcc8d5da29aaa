// The repository stands on its own: a clone with nothing beside it has everything a user, a contributor or CI needs.
// No tracked file names a path outside the repository root, and every relative Markdown link resolves.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../", import.meta.url));
const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], {
  cwd: root,
  encoding: "utf8",
})
  .split("\n")
  .filter((file) => file !== "" && existsSync(resolve(root, file)));
const textFiles = files.filter((file) =>
  /\.(?:[cm]?[jt]s|json|md|ya?ml|sh|html|css)$|(?:^|\/)run$/.test(file),
);

const outside = (target: string) => {
  const path = relative(root, target);
  return path.startsWith("..") || isAbsolute(path);
};

describe("the repository stands alone", () => {
  it("has files to check (git lists them)", () => {
    expect(textFiles.length).toBeGreaterThan(100);
  });

  it("names no path outside the repository root in any source, test, config or document", () => {
    const offenders: string[] = [];
    // The lockfile's link: paths are relative to each importer, not to the file; pnpm checks them.
    for (const file of textFiles.filter((name) => name !== "pnpm-lock.yaml")) {
      const text = readFileSync(resolve(root, file), "utf8");
      if (/(?:^|[^\w.])shared\/(?:spec|seed|design|hooks)\//.test(text) && !file.startsWith("test/")) {
        offenders.push(`${file}: names the reference folder shared/`);
      }
      for (const match of text.matchAll(/(?:\.\.\/)+[\w@.-]*/g)) {
        if (outside(resolve(root, dirname(file), match[0]))) offenders.push(`${file}: ${match[0]}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("resolves every relative link in every Markdown file, and package READMEs never leave their package", () => {
    const broken: string[] = [];
    for (const file of textFiles.filter((name) => name.endsWith(".md"))) {
      const text = readFileSync(resolve(root, file), "utf8").replace(/```[\s\S]*?```/g, "");
      const packageFolder = /^(?:packages|apps)\/[^/]+\//.exec(file)?.[0];
      for (const [, link] of text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
        if (link === undefined || /^(?:[a-z][a-z+.-]*:|#)/i.test(link)) continue;
        const target = resolve(root, dirname(file), decodeURI(link.replace(/#.*$/, "")));
        if (!existsSync(target)) broken.push(`${file}: ${link} does not exist`);
        else if (packageFolder && relative(resolve(root, packageFolder), target).startsWith("..")) {
          broken.push(`${file}: ${link} leaves ${packageFolder} (use an absolute repository URL)`);
        }
      }
    }
    expect(broken).toEqual([]);
  });
});
