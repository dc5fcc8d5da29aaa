import { createHmac, createSecretKey, type KeyObject, timingSafeEqual } from "node:crypto";
import type { Hmac, Message } from "./hmac.js";

// Strings go straight to `update` (UTF-8), piece by piece: no encoding step, no concatenated copy.
const mac = (key: KeyObject | string, message: Message) => {
  const hmac = createHmac("sha256", key);
  if (typeof message === "string") return hmac.update(message, "utf8");
  if (message instanceof Uint8Array) return hmac.update(message);
  for (const part of message) hmac.update(part, "utf8");
  return hmac;
};

/** HMAC-SHA256 through node:crypto, synchronous. */
export const nodeHmac: Hmac<KeyObject | string> = {
  // A KeyObject skips re-deriving the key on every createHmac, but costs more to make than one HMAC saves,
  // so one-shot calls hand createHmac the string.
  prepare: (secret) => createSecretKey(secret, "utf8"),
  once: (secret) => secret,
  hex: (key, message) => mac(key, message).digest("hex"),
  equals: (key, message, digest) => timingSafeEqual(mac(key, message).digest(), digest),
};
