// The one entry picks its HMAC primitive through package.json `imports` (`#hmac`): checked on the built package,
// resolved by Node itself, as a user's `import "@desk/hash"` is.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { vectors } from "./helpers.js";

const packageJson = fileURLToPath(new URL("../package.json", import.meta.url));
const entry = fileURLToPath(new URL("../dist/index.js", import.meta.url));

describe("#hmac", () => {
  it("is built (the suite runs after the build, as npm test does)", () => {
    expect(existsSync(entry), "run `node scripts/pnpm.mjs run build` first").toBe(true);
  });

  it("resolves to node:crypto under Node's `node` condition, for import and require", () => {
    const require = createRequire(packageJson);
    expect(require.resolve("#hmac")).toMatch(/dist[\\/]hmac\.node\.cjs$/);
    // From the package's own folder, as dist/index.js sees it.
    const resolved = execFileSync(
      process.execPath,
      ["--input-type=module", "-e", 'console.log(import.meta.resolve("#hmac"))'],
      {
        encoding: "utf8",
        cwd: fileURLToPath(new URL("..", import.meta.url)),
      },
    );
    expect(resolved.trim()).toMatch(/dist\/hmac\.node\.js$/);
  });

  it("gives the built entry the right HASH of a public vector (both module formats)", () => {
    const vector = vectors.invoke[0]!;
    const run = (code: string, type: "module" | "commonjs") =>
      execFileSync(process.execPath, [`--input-type=${type}`, "-e", code], {
        encoding: "utf8",
        cwd: fileURLToPath(new URL("..", import.meta.url)),
      }).trim();
    const call = `.signInvoke(${JSON.stringify(vector.secret)}, ${JSON.stringify(vector.fields)}).then(console.log)`;
    expect(run(`import(${JSON.stringify(`file://${entry}`)}).then((m) => m${call})`, "module")).toBe(
      vector.hash,
    );
    expect(run(`require("./dist/index.cjs")${call}`, "commonjs")).toBe(vector.hash);
  });
});
