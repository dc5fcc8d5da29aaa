// The entry esbuild bundles for the browser and the edge runtime: the same smoke, exposed as a global.
import { smoke } from "./smoke.mjs";
import vectors from "./vectors.json" with { type: "json" };

globalThis.deskSmoke = async () => JSON.stringify(await smoke(vectors));
