import { defineConfig } from "tsup";

export default defineConfig({
  // index: what the demo and tests import; main: `node dist/main.js` runs the extension on port 4200.
  entry: ["src/index.ts", "src/main.ts"],
  format: ["esm"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "es2022",
  platform: "node",
});
