// Node, Bun and Deno: `<runtime> run-smoke.mjs` in a project with @desk/hash and @desk/placeholders installed.
// Prints one JSON line: the smoke results and the file each runtime resolved @desk/hash to (which export
// condition it took).
import { smoke } from "./smoke.mjs";
import vectors from "./vectors.json" with { type: "json" };

const runtime = globalThis.Deno ? "deno" : globalThis.Bun ? "bun" : "node";
console.log(
  JSON.stringify({ runtime, hashEntry: import.meta.resolve("@desk/hash"), ...(await smoke(vectors)) }),
);
