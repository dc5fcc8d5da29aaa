// Test-only helpers: the API over each HMAC primitive side by side, and the shared known-answer vectors.
import { type HashVectors, hashVectors } from "../../../fixtures/hash-vectors.js";
import { createHashApi } from "../src/create-hash-api.js";
import { hmac as nodeHmac } from "../src/hmac.node.js";
import { hmac as webHmac } from "../src/hmac.web.js";
import * as entry from "../src/index.js";

/** The entry with its HMAC primitive swapped: what `#hmac` gives a browser, a worker or Deno. */
export const web = { ...entry, ...createHashApi(webHmac) };
/** The entry with node:crypto: what `#hmac` gives Node (the `node` condition). */
export const node = { ...entry, ...createHashApi(nodeHmac) };

/** Both implementations, so every test runs through WebCrypto and node:crypto alike. */
export const implementations = [
  ["web (WebCrypto)", web],
  ["node (node:crypto)", node],
] as const;

/** The public known-answer vectors (fixtures/hash-vectors.json). */
export const vectors: HashVectors = hashVectors;
