#!/usr/bin/env node
// The demo entry (`npm run demo`, after install and build). Until the sample extension lands it lists what was
// built and how to try it; then it will run the emulator and the sample extension through a whole installation.
import { existsSync, readdirSync, readFileSync } from "node:fs";

const root = new URL("../", import.meta.url);
const packages = readdirSync(new URL("packages/", root)).filter((name) =>
  existsSync(new URL(`packages/${name}/package.json`, root)),
);
console.log("Built packages:");
for (const name of packages) {
  const pkg = JSON.parse(readFileSync(new URL(`packages/${name}/package.json`, root), "utf8"));
  const built = existsSync(new URL(`packages/${name}/dist/`, root));
  console.log(`  ${pkg.name.padEnd(22)} ${built ? "built" : "not built"}  ${pkg.description}`);
}
console.log(`
Coming next: the sample extension and the full offline story (emulator + extension, install to uninstall).
Try the emulator now: see packages/emulator/README.md ("A 5-minute offline session").`);
