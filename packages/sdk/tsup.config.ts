import { defineConfig } from "tsup";

export default defineConfig({
  // The runtime-agnostic facade, the Node-only helpers (node:http adapter, JSON-file store), the conformance suite,
  // and one entry per store or limiter adapter, so each driver (an optional peer) is loaded only by its own entry.
  entry: {
    index: "src/index.ts",
    node: "src/node.ts",
    testing: "src/testing.ts",
    "stores/sqlite": "src/stores/sqlite.ts",
    "stores/postgres": "src/stores/postgres.ts",
    "stores/redis": "src/stores/redis.ts",
    "limiters/redis": "src/limiters/redis.ts",
  },
  format: ["esm"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "es2022",
  platform: "neutral",
  treeshake: true,
  // Keep `node:` in the Node entry's imports (tsup strips it by default): clearer, and what size-limit ignores.
  removeNodeProtocol: false,
  external: [/^node:/],
});
