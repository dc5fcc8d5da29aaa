/** Lowercase hex of bytes (the WebCrypto path; node:crypto digests to hex itself). */
export function toHex(bytes: Uint8Array): string {
  let hex = "";
  for (const byte of bytes) hex += (byte < 16 ? "0" : "") + byte.toString(16);
  return hex;
}
