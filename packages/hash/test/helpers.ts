// Test-only helpers: both entries side by side, and the shared known-answer vectors.
import { readFileSync } from "node:fs";
import * as web from "../src/index.js";
import * as node from "../src/index.node.js";
import type { InvokeHashFields } from "../src/invoke-hash-fields.js";

/** Both implementations, so every test runs through WebCrypto and node:crypto alike. */
export const implementations = [
  ["web (WebCrypto)", web],
  ["node (node:crypto)", node],
] as const;

export interface HashVectors {
  invoke: { name: string; secret: string; fields: InvokeHashFields; stringToHash: string; hash: string }[];
  callback: { name: string; secret: string; body: string; hash: string }[];
}

// The spec's vectors live outside the package (repo-root/../shared); read them at test time, never copy them.
const vectorsUrl = new URL("../../../../shared/spec/hash-vectors.json", import.meta.url);
export const vectors = JSON.parse(readFileSync(vectorsUrl, "utf8")) as HashVectors;
