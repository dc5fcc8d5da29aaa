// Runs the edge bundle (esbuild, edge-light/worker conditions) in edge-runtime's sandbox, which offers web APIs
// only (no node: modules, no require), and prints what deskSmoke() returned. Usage: node run-edge.mjs <bundle.js>.
import { readFileSync } from "node:fs";
import { EdgeRuntime } from "edge-runtime";

const runtime = new EdgeRuntime({ initialCode: readFileSync(process.argv[2], "utf8") });
console.log(await runtime.evaluate("deskSmoke()"));
