import { createHmac, timingSafeEqual } from "node:crypto";
import type { Hmac, Message } from "./hmac.js";

// Strings go straight to `update` (UTF-8 by default): no encoding step; a large invoke message piece by piece,
// with no concatenated copy.
const mac = (key: string, message: Message) => {
  const hmac = createHmac("sha256", key);
  for (const part of Array.isArray(message) ? message : [message]) hmac.update(part);
  return hmac;
};

/** HMAC-SHA256 through node:crypto, synchronous. */
export const hmac: Hmac<string> = {
  // The secret string is the key: createHmac takes it as fast as a prebuilt KeyObject (measured), while
  // building a KeyObject per one-shot call would nearly double the cost of a small HMAC.
  key: (secret) => secret,
  hex: (key, message) => mac(key, message).digest("hex"),
  equals: (key, message, digest) => timingSafeEqual(mac(key, message).digest(), digest),
};
