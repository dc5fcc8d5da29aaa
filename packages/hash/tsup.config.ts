import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts", "src/index.node.ts"],
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "es2022",
  platform: "neutral",
  treeshake: true,
  // Keep "node:crypto" as written: Deno and edge bundlers only recognise the prefixed form.
  removeNodeProtocol: false,
  external: ["node:crypto"],
});
