// Node, Bun and Deno: `<runtime> run-smoke.mjs` in a project with @desk/hash and @desk/placeholders installed.
// Prints one JSON line: the smoke results and the file each runtime resolved @desk/hash's `#hmac` import to
// (which condition it took: node:crypto under `node`).
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { smoke } from "./smoke.mjs";
import vectors from "./vectors.json" with { type: "json" };

const runtime = globalThis.Deno ? "deno" : globalThis.Bun ? "bun" : "node";
console.log(
  JSON.stringify({
    runtime,
    hashEntry: createRequire(fileURLToPath(import.meta.resolve("@desk/hash"))).resolve("#hmac"),
    ...(await smoke(vectors)),
  }),
);
