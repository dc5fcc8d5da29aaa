#!/usr/bin/env node
// `pnpm release`: publishes every public package whose version is not on the registry yet (changeset publish),
// after the tests and the export checks pass, to the registry configured for the @desk scope, and only there.
// Without an explicit registry it stops before doing anything; it never publishes to npm's built-in default
// (the public registry). Extra arguments go to `changeset publish` (e.g. `--tag next`). See RELEASING.md.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const SCOPE = "@desk";
/** The environment variable that names the registry; it wins over any `.npmrc`. */
const REGISTRY_ENV = "DESK_REGISTRY";
const scopeKey = `${SCOPE}:registry`;

const fail = (message) => {
  console.error(`release: ${message}`);
  process.exit(1);
};

const npmConfigGet = (key, { cwd, env }) => {
  const result = spawnSync("npm", ["config", "get", key], { cwd, env, encoding: "utf8" });
  const value = result.status === 0 ? result.stdout.trim() : "";
  return value === "" || value === "undefined" || value === "null" ? undefined : value;
};

// npm's own default registry, read from npm itself with every config file and variable out of the way,
// so that this script names no registry of its own.
const builtInRegistry = () => {
  const empty = mkdtempSync(join(tmpdir(), "desk-release-"));
  try {
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !/^npm_config_/i.test(name)),
    );
    for (const level of ["userconfig", "globalconfig"]) {
      writeFileSync(join(empty, level), "");
      env[`npm_config_${level}`] = join(empty, level);
    }
    const registry = npmConfigGet("registry", { cwd: empty, env });
    // Without it, no registry can be told apart from the public one: refuse rather than guess.
    if (registry === undefined) fail("could not read npm's default registry (`npm config get registry`)");
    return registry;
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
};

const normalise = (url) => new URL(url).href.replace(/\/?$/, "/");

/** The registry the @desk packages go to: $DESK_REGISTRY, else `@desk:registry` from npm's config (any .npmrc). */
const resolveRegistry = () => {
  const configured =
    process.env[REGISTRY_ENV]?.trim() || npmConfigGet(scopeKey, { cwd: root, env: process.env });
  if (configured === undefined) {
    fail(
      `no registry configured for the ${SCOPE} scope, so nothing was published. Name yours with ` +
        `${REGISTRY_ENV}=https://npm.example.com/ or a line "${scopeKey}=https://npm.example.com/" in .npmrc ` +
        "(see RELEASING.md).",
    );
  }
  let registry;
  try {
    registry = normalise(configured);
  } catch {
    fail(`the ${SCOPE} registry "${configured}" is not a URL (expected http:// or https://)`);
  }
  if (!/^https?:$/.test(new URL(registry).protocol)) {
    fail(`the ${SCOPE} registry must be an http:// or https:// URL, got ${new URL(registry).protocol}`);
  }
  if (normalise(builtInRegistry()) === registry) {
    fail(
      `the ${SCOPE} registry is npm's public default (${registry}); this project releases only to a registry ` +
        "of your own, so nothing was published.",
    );
  }
  return registry;
};

// The pnpm that runs this script (`pnpm release` puts it on PATH). Not through scripts/pnpm.mjs: with the
// registry variables below, npx would look for pnpm itself on the private registry.
const run = (args, { env = process.env, onFailure }) => {
  const result = spawnSync("pnpm", args, { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) fail(`\`pnpm ${args.join(" ")}\` failed; ${onFailure}`);
};

if (spawnSync("pnpm", ["--version"], { stdio: "ignore" }).status !== 0) {
  fail(
    "run this as `pnpm release` (in this repository: `node scripts/pnpm.mjs run release`), so pnpm is on PATH",
  );
}
const registry = resolveRegistry();
console.log(`release: ${SCOPE} packages go to ${registry}`);
// The tests and export checks first: a red tree never reaches the registry.
run(["run", "release:checks"], { onFailure: "nothing was published." });
// changeset publish reads the scope's registry from the first variable; the second makes it npm's and pnpm's
// default too, so no tool in the chain can fall back to the public registry.
run(["exec", "changeset", "publish", ...process.argv.slice(2)], {
  env: { ...process.env, [`npm_config_${scopeKey}`]: registry, npm_config_registry: registry },
  onFailure: "see above for what was published (run it again: published versions are skipped).",
});
