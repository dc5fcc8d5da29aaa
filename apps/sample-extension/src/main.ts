#!/usr/bin/env node
// Runs the sample extension on http://127.0.0.1:4200 (the callbackListener URLs of plugin-manifest.json).
//   DESK_SECRET     the manifest secret (default: the one in plugin-manifest.json, fine for local work only)
//   DESK_BASE_URL   where invoke calls go, e.g. a running emulator: http://127.0.0.1:4100 (default: Desk)
//   PORT            default 4200
//   STORE_FILE      default .data/installations.json
import { readFileSync } from "node:fs";
import { createFileInstallationStore } from "@desk/sdk/node";
import { startSampleExtension } from "./start-sample-extension.js";

const manifest = JSON.parse(readFileSync(new URL("../plugin-manifest.json", import.meta.url), "utf8")) as {
  secret: string;
};
const baseUrl = process.env["DESK_BASE_URL"];
const extension = await startSampleExtension({
  port: Number(process.env["PORT"] ?? 4200),
  desk: { secret: process.env["DESK_SECRET"] ?? manifest.secret, ...(baseUrl && { baseUrl }) },
  store: createFileInstallationStore(process.env["STORE_FILE"] ?? ".data/installations.json"),
});
console.log(`sample extension listening on ${extension.url}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void extension.close().then(() => process.exit(0)));
}
