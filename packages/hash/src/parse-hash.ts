import type { VerifyFailureReason } from "./types.js";

// A hex digit's value from its char code, or -1. `| 32` lowercases A-F; nothing else maps into a-f.
const digit = (code: number) => {
  const lower = code | 32;
  return code >= 48 && code <= 57 ? code - 48 : lower >= 97 && lower <= 102 ? lower - 87 : -1;
};

/**
 * Decodes a received HASH (hex in any case) to its 32 bytes, or says why it can't be one. Timing here depends
 * only on the received value, never on the expected digest.
 */
export function parseHash(hash: unknown): Uint8Array | Exclude<VerifyFailureReason, "mismatch"> {
  if (hash === undefined || hash === null || hash === "") return "missing";
  if (typeof hash !== "string" || hash.length !== 64) return "malformed";
  const bytes = new Uint8Array(32);
  for (let i = 0; i < 32; i++) {
    const high = digit(hash.charCodeAt(2 * i));
    const low = digit(hash.charCodeAt(2 * i + 1));
    if ((high | low) < 0) return "malformed";
    bytes[i] = (high << 4) | low;
  }
  return bytes;
}
