import type { VerifyFailureReason } from "./types.js";

const HEX_SHA256 = /^[0-9a-f]{64}$/i;

// A hex digit's value from its char code, without branches: the regex has already vetted it.
const nibble = (code: number) => (code & 0xf) + 9 * (code >> 6);

/**
 * Decodes a received HASH (hex in any case) to its 32 bytes, or says why it can't be one. Timing here depends
 * only on the received value, never on the expected digest.
 */
export function parseHash(hash: unknown): Uint8Array | Exclude<VerifyFailureReason, "mismatch"> {
  if (hash === undefined || hash === null || hash === "") return "missing";
  if (typeof hash !== "string" || !HEX_SHA256.test(hash)) return "malformed";
  const bytes = new Uint8Array(32);
  for (let i = 0; i < 32; i++) {
    bytes[i] = (nibble(hash.charCodeAt(2 * i)) << 4) | nibble(hash.charCodeAt(2 * i + 1));
  }
  return bytes;
}
