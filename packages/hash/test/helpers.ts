// Test-only helpers: both entries side by side, and the shared known-answer vectors.
import { type HashVectors, hashVectors } from "../../../fixtures/hash-vectors.js";
import * as web from "../src/index.js";
import * as node from "../src/index.node.js";

/** Both implementations, so every test runs through WebCrypto and node:crypto alike. */
export const implementations = [
  ["web (WebCrypto)", web],
  ["node (node:crypto)", node],
] as const;

/** The public known-answer vectors (fixtures/hash-vectors.json). */
export const vectors: HashVectors = hashVectors;
