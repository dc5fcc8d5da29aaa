import { createHmac, createSecretKey, type KeyObject, timingSafeEqual } from "node:crypto";
import type { Hmac, Message } from "./hmac.js";

// Strings go straight to `update` (UTF-8), piece by piece: no encoding step, no concatenated copy.
const mac = (key: KeyObject, message: Message) => {
  const hmac = createHmac("sha256", key);
  if (typeof message === "string") return hmac.update(message, "utf8");
  if (message instanceof Uint8Array) return hmac.update(message);
  for (const part of message) hmac.update(part, "utf8");
  return hmac;
};

/** HMAC-SHA256 through node:crypto, synchronous. */
export const nodeHmac: Hmac<KeyObject> = {
  // A KeyObject spares createHmac re-deriving the key from the string on every call.
  key: (secret) => createSecretKey(secret, "utf8"),
  hex: (key, message) => mac(key, message).digest("hex"),
  equals: (key, message, digest) => timingSafeEqual(mac(key, message).digest(), digest),
};
