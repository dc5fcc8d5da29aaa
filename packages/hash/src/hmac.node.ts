import { createHmac, createSecretKey, type KeyObject, timingSafeEqual } from "node:crypto";
import type { Hmac } from "./hmac.js";

/** HMAC-SHA256 through node:crypto: synchronous, no extra copies (strings go straight to `update` as UTF-8). */
export const nodeHmac: Hmac<KeyObject | string> = {
  // A KeyObject skips re-deriving the key on every createHmac, but costs more to make than one HMAC saves,
  // so one-shot calls hand createHmac the string.
  prepare: (secret) => createSecretKey(secret, "utf8"),
  once: (secret) => secret,
  hex: (key, message) => createHmac("sha256", key).update(message).digest("hex"),
  equals: (key, message, digest) =>
    timingSafeEqual(createHmac("sha256", key).update(message).digest(), digest),
};
