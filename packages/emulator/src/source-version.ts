import { readFileSync } from "node:fs";

/** package.json's version, for runs from source where the build's `define` did not replace it. */
export function sourceVersion(): string {
  const text = readFileSync(new URL("../package.json", import.meta.url), "utf8");
  return (JSON.parse(text) as { version: string }).version;
}
