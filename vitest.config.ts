import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Tests import sibling packages from source, so a change is seen without a rebuild.
// @desk/hash's `#hmac` resolves to node:crypto, as it does for Node users through the `node` condition.
const sourceEntries: Record<string, string> = {
  "#hmac": "packages/hash/src/hmac.node.ts",
  "@desk/errors": "packages/errors/src/index.ts",
  "@desk/hash": "packages/hash/src/index.ts",
  "@desk/placeholders": "packages/placeholders/src/index.ts",
  "@desk/invoke-core": "packages/invoke-core/src/index.ts",
  "@desk/invoke-core/schemas": "packages/invoke-core/src/schemas.ts",
  "@desk/extension-data": "packages/extension-data/src/index.ts",
  "@desk/sdk": "packages/sdk/src/index.ts",
  "@desk/sdk/node": "packages/sdk/src/node.ts",
  "@desk/sdk/testing": "packages/sdk/src/testing.ts",
  "@desk/sdk/stores/sqlite": "packages/sdk/src/stores/sqlite.ts",
  "@desk/sdk/stores/postgres": "packages/sdk/src/stores/postgres.ts",
  "@desk/sdk/stores/redis": "packages/sdk/src/stores/redis.ts",
  "@desk/sdk/limiters/redis": "packages/sdk/src/limiters/redis.ts",
  "@desk/emulator": "packages/emulator/src/index.ts",
  "@desk/emulator/testing": "packages/emulator/src/testing.ts",
};
const alias = Object.entries(sourceEntries)
  .filter(([, path]) => existsSync(here(path)))
  .map(([name, path]) => ({ find: new RegExp(`^${name}$`), replacement: here(path) }));

const folders = ["packages", "apps"].flatMap((group) =>
  existsSync(here(group))
    ? readdirSync(here(group), { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && existsSync(here(`${group}/${entry.name}/package.json`)))
        .map((entry) => ({ group, name: entry.name }))
    : [],
);

// Per package, over the whole suite: the figures of the run that set them, rounded down (lines, branches,
// functions, statements, in %). Raise them when tests are added; a change that lowers one adds tests instead.
const coverageThresholds = {
  "packages/errors/src/**": { lines: 100, branches: 100, functions: 100, statements: 100 },
  "packages/hash/src/**": { lines: 100, branches: 100, functions: 100, statements: 100 },
  "packages/placeholders/src/**": { lines: 100, branches: 98, functions: 100, statements: 99 },
  "packages/invoke-core/src/**": { lines: 99, branches: 97, functions: 100, statements: 99 },
  "packages/extension-data/src/**": { lines: 98, branches: 89, functions: 97, statements: 97 },
  "packages/sdk/src/**": { lines: 97, branches: 92, functions: 97, statements: 96 },
  "packages/emulator/src/**": { lines: 94, branches: 83, functions: 96, statements: 92 },
  "apps/sample-extension/src/**": { lines: 82, branches: 68, functions: 78, statements: 81 },
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      // Repository-wide checks (test/ at the root): the repository stands alone, links resolve.
      {
        extends: true as const,
        test: { name: "repository", root: here("."), include: ["test/**/*.test.ts"] },
      },
      // Every README snippet as a file under examples/, run as written against the emulator.
      {
        extends: true as const,
        test: { name: "examples", root: here("examples"), include: ["test/**/*.test.ts"] },
      },
      ...folders.map(({ group, name }) => ({
        extends: true as const,
        test: {
          name,
          root: here(`${group}/${name}`),
          include: ["src/**/*.test.ts", "test/**/*.test.ts"],
        },
      })),
    ],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: "forks",
    // Measured when asked (`--coverage`; `npm test` does): V8's own counters, so the tests run unchanged. Each
    // package's source is measured over the whole suite (the tests import siblings from source), and each has its
    // own thresholds below, checked after the run: below one, vitest exits non-zero (and `npm test` counts a failure).
    coverage: {
      provider: "v8",
      include: ["packages/*/src/**/*.ts", "apps/*/src/**/*.ts"],
      exclude: ["**/*.test.ts", "**/*.d.ts"],
      reporter: ["text-summary", "json-summary"],
      reportsDirectory: here(".test-results/coverage"),
      thresholds: coverageThresholds,
    },
  },
});
