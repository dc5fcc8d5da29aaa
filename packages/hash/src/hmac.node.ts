import { createHmac, createSecretKey, type KeyObject, timingSafeEqual } from "node:crypto";
import type { Hmac, Message } from "./hmac.js";

// Strings go straight to `update` (UTF-8 by default): no encoding step; a large invoke message piece by piece,
// with no concatenated copy.
const mac = (key: KeyObject, message: Message) => {
  const hmac = createHmac("sha256", key);
  for (const part of Array.isArray(message) ? message : [message]) hmac.update(part);
  return hmac;
};

/** HMAC-SHA256 through node:crypto, synchronous. */
export const nodeHmac: Hmac<KeyObject> = {
  // A KeyObject spares createHmac re-deriving the key from the string on every call.
  key: (secret) => createSecretKey(secret, "utf8"),
  hex: (key, message) => mac(key, message).digest("hex"),
  equals: (key, message, digest) => timingSafeEqual(mac(key, message).digest(), digest),
};
