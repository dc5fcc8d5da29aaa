// @desk/hash installed alone, from ESM: the invoke vector signs to its known answer and verifies.
import { signInvoke, verifyInvoke } from "@desk/hash";
import vectors from "./vectors.json" with { type: "json" };

const { invoke } = vectors;
console.log(
  JSON.stringify({
    hash: await signInvoke(invoke.secret, invoke.fields),
    valid: (await verifyInvoke(invoke.secret, invoke.fields, invoke.hash)).valid,
    entry: import.meta.resolve("@desk/hash"),
  }),
);
