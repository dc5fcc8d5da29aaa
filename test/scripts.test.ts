// The repository's scripts as a user meets them: `npm test`'s runner ends with the plain summary whatever failed,
// says why a test file could not load, and colours nothing into a pipe; scripts/pnpm.mjs runs where it is called.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../", import.meta.url));
const script = (name: string) => join(root, "scripts", name);
/** The environment of a colour terminal minus the terminal: what a user piping `npm test` into a file has. */
const colourfulEnv = () => {
  const { NO_COLOR: _, FORCE_COLOR: __, ...env } = process.env;
  return { ...env, TERM: "xterm-256color" };
};

describe("scripts/test.mjs (npm test)", () => {
  // A throwaway vitest project: one passing test, one failing, one file that cannot load.
  const folder = mkdtempSync(join(tmpdir(), "desk-test-script-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  writeFileSync(join(folder, "vitest.config.mjs"), "export default { test: { include: ['*.test.mjs'] } };\n");
  writeFileSync(
    join(folder, "good.test.mjs"),
    "import { expect, it } from 'vitest';\nit('passes', () => expect(1).toBe(1));\nit('fails', () => expect(1).toBe(2));\n",
  );
  writeFileSync(
    join(folder, "broken.test.mjs"),
    "import { readFileSync } from 'node:fs';\nreadFileSync(new URL('./missing-fixture.json', import.meta.url));\n",
  );

  it("ends with the plain summary, names the cause of a file that cannot load, exits 1, no colour", () => {
    const run = spawnSync(
      process.execPath,
      [
        script("test.mjs"),
        "--skip-install",
        "--skip-build",
        "--root",
        folder,
        "--config",
        "vitest.config.mjs",
      ],
      { cwd: root, encoding: "utf8", env: colourfulEnv(), timeout: 120_000 },
    );
    expect(run.status).toBe(1);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines.at(-1)).toBe("1 passed, 2 failed");
    expect(run.stdout).toContain("1 test file(s) could not run:\n  ");
    expect(run.stdout).toMatch(
      /broken\.test\.mjs\n\s+ENOENT: no such file or directory, open '.*missing-fixture\.json'/,
    );
    expect(run.stdout).toMatch(/1 test\(s\) failed:\n\s+.*good\.test\.mjs > fails\n1 passed, 2 failed\n$/);
    expect(`${run.stdout}${run.stderr}`).not.toContain("\u001b[");
  });
});

describe("scripts/pnpm.mjs", () => {
  it("runs pnpm in the caller's folder, with the version pinned at the root", () => {
    const run = spawnSync(
      process.execPath,
      [script("pnpm.mjs"), "exec", "node", "-e", "console.log(process.cwd())"],
      { cwd: join(root, "packages/hash"), encoding: "utf8", timeout: 120_000 },
    );
    expect([run.status, run.stdout.trim()]).toEqual([0, join(root, "packages/hash")]);
  });
});
