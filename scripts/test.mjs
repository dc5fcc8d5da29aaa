#!/usr/bin/env node
// `npm test`: install (frozen lockfile), build, every test once with vitest, coverage measured and each package's
// thresholds enforced in that same run (vitest.config.ts), then the plain summary CI reads,
// "N passed, N failed" (", N skipped" when any), as the very last line of the output: this script is the last
// process of the run, so no package manager line follows it. The exit code is 0 only when everything passed.
//   node scripts/test.mjs [--skip-install] [--skip-build] [vitest arguments...]
// A test file that cannot load (a missing fixture, a syntax error) counts as a failure, and its cause is printed on
// stdout just above the summary. Without a terminal, nothing is coloured.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = new URL("../", import.meta.url);
const rootPath = fileURLToPath(root);
const args = process.argv.slice(2);
const skipInstall = args.includes("--skip-install");
const skipBuild = args.includes("--skip-build");
const vitestArgs = args.filter((arg) => arg !== "--skip-install" && arg !== "--skip-build");
// The whole suite runs with coverage and its thresholds; a narrower run (a project, a file, another config as in
// test/scripts.test.ts) runs as given, since the thresholds hold for the whole suite only.
const coverage = vitestArgs.length === 0 ? ["--coverage"] : [];

// tinyrainbow (vitest) colours whenever TERM is not "dumb", even into a pipe or a file: say so explicitly.
const colour = process.stdout.isTTY === true && !("NO_COLOR" in process.env);
const env = { ...process.env };
if (!colour) {
  env.NO_COLOR = "1";
  delete env.FORCE_COLOR;
}

const bin = (name) => fileURLToPath(new URL(`node_modules/.bin/${name}`, root));
const run = (command, commandArgs) =>
  spawnSync(command, commandArgs, { stdio: "inherit", cwd: root, env, shell: process.platform === "win32" });

const pnpm = (...pnpmArgs) =>
  run(process.execPath, [fileURLToPath(new URL("scripts/pnpm.mjs", root)), ...pnpmArgs]);

let failed = 0;
const fail = (step, status) => {
  console.log(`test: ${step} failed (exit code ${status ?? "none"})`);
  failed += 1;
};

if (!skipInstall) {
  const install = pnpm("install", "--frozen-lockfile");
  if (install.status !== 0) {
    fail("install", install.status);
    console.log(`0 passed, ${failed} failed`);
    process.exit(1);
  }
}

if (!skipBuild) {
  // Through pnpm, so turbo finds the package manager it needs.
  const build = pnpm(
    "exec",
    "turbo",
    "run",
    "build",
    "--output-logs=errors-only",
    ...(colour ? [] : ["--no-color"]),
  );
  if (build.status !== 0) fail("build", build.status);
}

// One report per run, so a run inside a run (test/scripts.test.ts) does not overwrite it.
const report = new URL(`.test-results/vitest-${process.pid}.json`, root);
mkdirSync(new URL(".test-results/", root), { recursive: true });
rmSync(report, { force: true });
const vitest = run(bin("vitest"), [
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile=${fileURLToPath(report)}`,
  ...coverage,
  ...vitestArgs,
]);

let passed = 0;
let skipped = 0;
try {
  const json = JSON.parse(readFileSync(report, "utf8"));
  passed = json.numPassedTests;
  failed += json.numFailedTests;
  skipped = json.numPendingTests + json.numTodoTests;
  // A file that fails to load has no test in it, but it is a failure all the same: say why, on stdout.
  const broken = json.testResults.filter(
    (file) => file.status === "failed" && file.assertionResults.length === 0,
  );
  if (broken.length > 0) {
    console.log(`\n${broken.length} test file(s) could not run:`);
    for (const file of broken) {
      const cause = (file.message || "no cause reported").split("\n").slice(0, 3).join("\n    ");
      console.log(`  ${relative(rootPath, file.name)}\n    ${cause}`);
    }
  }
  failed += broken.length;
  const failedTests = json.testResults.flatMap((file) =>
    file.assertionResults
      .filter((test) => test.status === "failed")
      .map((test) => `  ${relative(rootPath, file.name)} > ${test.fullName}`),
  );
  if (failedTests.length > 0)
    console.log(`\n${failedTests.length} test(s) failed:\n${failedTests.join("\n")}`);
} catch {
  console.log(`test: vitest wrote no report (exit code ${vitest.status ?? "none"})`);
  failed += 1;
}
// Every test passed, yet vitest failed: a coverage threshold (its ERROR lines are above) or the runner itself.
if (vitest.status !== 0 && failed === 0) fail("vitest (coverage thresholds?)", vitest.status);

rmSync(report, { force: true });
const ok = failed === 0 && passed > 0;
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`);
process.exit(ok ? 0 : 1);
