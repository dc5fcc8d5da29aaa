// Coverage is enforced per package: every package and app with source has its own four thresholds, and they are
// real floors (a number, at most 100), so a new package cannot slip in unmeasured.
import { existsSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import config from "../vitest.config.js";

const root = new URL("../", import.meta.url);
const folders = ["packages", "apps"].flatMap((group) =>
  readdirSync(new URL(`${group}/`, root), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(new URL(`${group}/${entry.name}/src/`, root)))
    .map((entry) => `${group}/${entry.name}/src/**`),
);

describe("coverage thresholds (vitest.config.ts)", () => {
  const coverage = config.test?.coverage;
  const thresholds = (coverage && "thresholds" in coverage ? coverage.thresholds : undefined) as
    | Record<string, unknown>
    | undefined;

  it("measures with V8 every package's and app's source", () => {
    expect(coverage).toMatchObject({
      provider: "v8",
      include: ["packages/*/src/**/*.ts", "apps/*/src/**/*.ts"],
    });
  });

  it("holds lines, branches, functions and statements for each package and app, and nothing else", () => {
    expect(Object.keys(thresholds ?? {}).sort()).toEqual([...folders].sort());
    for (const folder of folders) {
      const floor = thresholds?.[folder] as Record<string, number>;
      expect(Object.keys(floor).sort(), folder).toEqual(["branches", "functions", "lines", "statements"]);
      for (const value of Object.values(floor)) expect(value > 0 && value <= 100, folder).toBe(true);
    }
  });
});
