#!/usr/bin/env node
// Runs the pinned pnpm without a global install: Node 20's Corepack rejects pnpm's signatures,
// so we go through `npx -y pnpm@<version>` (the version comes from the root package.json "packageManager").
// pnpm runs in the caller's folder: run from a package folder, `pnpm.mjs pack` packs that package.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

const root = new URL("../", import.meta.url);
const { packageManager } = JSON.parse(readFileSync(new URL("package.json", root), "utf8"));
const version = packageManager.replace(/^pnpm@/, "");
const npx = process.platform === "win32" ? "npx.cmd" : "npx";

const result = spawnSync(npx, ["-y", `pnpm@${version}`, ...process.argv.slice(2)], {
  stdio: "inherit",
  env: {
    ...process.env,
    npm_config_update_notifier: "false",
    TURBO_TELEMETRY_DISABLED: "1",
    DO_NOT_TRACK: "1",
  },
});
// npx itself could not start (e.g. not on PATH): say so, instead of exiting 1 without a word.
if (result.error) console.error(`scripts/pnpm.mjs: could not run ${npx}: ${result.error.message}`);
process.exit(result.status ?? 1);
