import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The dashboard's static files: plain ES module and CSS, shipped as they are (no build step). */
export const DASHBOARD_ASSETS = {
  "dashboard.js": "text/javascript; charset=utf-8",
  "dashboard.css": "text/css; charset=utf-8",
} as const;

/** A file name of DASHBOARD_ASSETS. */
export type DashboardAsset = keyof typeof DASHBOARD_ASSETS;

// From source (tests, tsx) the files sit in ./assets; from the bundle in dist/, in the published src/ folder.
const FOLDERS = ["./assets/", "../src/dashboard/assets/"].map((path) => new URL(path, import.meta.url));

const cache = new Map<DashboardAsset, string>();

/** Reads an asset once and keeps it. */
export function dashboardAsset(name: DashboardAsset): string {
  let text = cache.get(name);
  if (text === undefined) {
    const folder = FOLDERS.find((url) => existsSync(fileURLToPath(new URL(name, url))));
    if (folder === undefined) throw new Error(`@desk/emulator: the dashboard file ${name} is missing`);
    text = readFileSync(new URL(name, folder), "utf8");
    cache.set(name, text);
  }
  return text;
}
