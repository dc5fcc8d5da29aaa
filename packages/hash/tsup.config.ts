import { defineConfig } from "tsup";

export default defineConfig({
  // The API entry and the two HMAC primitives it reaches through `#hmac` (package.json `imports`).
  entry: ["src/index.ts", "src/hmac.web.ts", "src/hmac.node.ts"],
  format: ["esm", "cjs"],
  // Types for the API only: `#hmac` is an implementation detail, absent from every public signature.
  dts: { entry: "src/index.ts" },
  clean: true,
  sourcemap: true,
  target: "es2022",
  platform: "neutral",
  treeshake: true,
  // Keep "node:crypto" as written: Deno and edge bundlers only recognise the prefixed form.
  removeNodeProtocol: false,
  external: ["node:crypto", "#hmac"],
});
