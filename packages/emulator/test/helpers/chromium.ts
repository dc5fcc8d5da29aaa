import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

/** Debian's Chromium (installed by .ci/setup.d/30-chromium.sh); playwright-core never downloads a browser here. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Whether the browser tests run: always in CI (a missing Chromium is then a failure, not a skip), elsewhere only
 * when Chromium is installed.
 */
export const chromiumAvailable = process.env["CI"] === "true" || existsSync(CHROMIUM_PATH);

if (!chromiumAvailable) {
  console.warn(
    `browser tests skipped: install Debian's chromium (${CHROMIUM_PATH}), e.g. apt-get install chromium`,
  );
}

/** Launches Chromium headless, on loopback only. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: FLAGS, timeout: 60_000 });
}
