import type { Hmac, Message } from "./hmac.js";
import { toHex } from "./to-hex.js";

const encoder = new TextEncoder();
// TS 5.9 types views over a SharedArrayBuffer apart; WebCrypto reads either kind of view.
const bytes = (message: Message) =>
  (message instanceof Uint8Array
    ? message
    : encoder.encode(typeof message === "string" ? message : message.join(""))) as Uint8Array<ArrayBuffer>;

// Imported once per secret; non-extractable, so the CryptoKey can't leak the secret back out.
const importKey = (secret: string) =>
  crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
    "verify",
  ]);

/** HMAC-SHA256 through WebCrypto (browsers, Deno, Bun, edge workers, Node's global `crypto`). */
export const hmac: Hmac<Promise<CryptoKey>> = {
  key: importKey,
  hex: async (key, message) =>
    toHex(new Uint8Array(await crypto.subtle.sign("HMAC", await key, bytes(message)))),
  // subtle.verify compares the MAC in constant time inside the platform.
  equals: async (key, message, digest) =>
    crypto.subtle.verify("HMAC", await key, digest as Uint8Array<ArrayBuffer>, bytes(message)),
};
