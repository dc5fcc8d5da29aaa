import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EMULATOR_VERSION } from "../src/index.js";

const packageVersion = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
).version;

describe("EMULATOR_VERSION (issue 14: injected from package.json, not kept by hand)", () => {
  it("is package.json's version", () => {
    expect(EMULATOR_VERSION).toBe(packageVersion);
  });
  it("is written nowhere in the source by hand; tsup's define injects it at build", () => {
    const constants = readFileSync(new URL("../src/constants.ts", import.meta.url), "utf8");
    expect(constants).not.toMatch(/["']\d+\.\d+\.\d+["']/);
    const tsup = readFileSync(new URL("../tsup.config.ts", import.meta.url), "utf8");
    expect(tsup).toContain("__EMULATOR_VERSION__: JSON.stringify(version)");
  });
});
