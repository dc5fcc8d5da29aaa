import { defineConfig } from "tsup";

export default defineConfig({
  // Two entries: the runtime-agnostic facade and the Node-only helpers (node:http adapter, JSON-file store).
  entry: ["src/index.ts", "src/node.ts"],
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
