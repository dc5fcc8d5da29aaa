// @desk/hash installed alone, from ESM: the invoke vector signs to its known answer and verifies.
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { signInvoke, verifyInvoke } from "@desk/hash";
import vectors from "./vectors.json" with { type: "json" };

const { invoke } = vectors;
console.log(
  JSON.stringify({
    hash: await signInvoke(invoke.secret, invoke.fields),
    valid: (await verifyInvoke(invoke.secret, invoke.fields, invoke.hash)).valid,
    entry: import.meta.resolve("@desk/hash"),
    // The HMAC primitive the entry imports as `#hmac` (package.json `imports`), as the runtime resolves it.
    hmac: createRequire(fileURLToPath(import.meta.resolve("@desk/hash"))).resolve("#hmac"),
  }),
);
