#!/usr/bin/env node
// Runs every test once with vitest and prints, as the last line, the plain summary CI reads:
// "N passed, N failed" (", N skipped" when any), computed from vitest's JSON report.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";

const root = new URL("../", import.meta.url);
const report = new URL(".test-results/vitest.json", root);
mkdirSync(new URL(".test-results/", root), { recursive: true });
rmSync(report, { force: true });

const run = spawnSync(
  "vitest",
  [
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile=${report.pathname}`,
    ...process.argv.slice(2),
  ],
  { stdio: "inherit", cwd: root, shell: process.platform === "win32" },
);

let passed = 0;
let failed = 0;
let skipped = 0;
let brokenFiles = 0;
try {
  const json = JSON.parse(readFileSync(report, "utf8"));
  passed = json.numPassedTests;
  failed = json.numFailedTests;
  skipped = json.numPendingTests + json.numTodoTests;
  // A test file that fails to load has no failed test in it, but it is a failure all the same.
  brokenFiles = json.testResults.filter(
    (file) => file.status === "failed" && file.assertionResults.length === 0,
  ).length;
} catch {
  console.error("test-summary: vitest wrote no JSON report");
  failed = 1;
}
failed += brokenFiles;
const ok = run.status === 0 && failed === 0 && passed > 0;
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`);
process.exit(ok ? 0 : 1);
