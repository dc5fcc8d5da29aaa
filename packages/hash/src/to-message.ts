import type { Message } from "./hmac.js";

/**
 * Checks a callback body is raw bytes and returns it as a message: the string, or a byte view (no copy).
 * A parsed object is refused: JSON re-serialised from it rarely has the bytes Desk sent (spacing, key order,
 * number format), so its HASH would never match.
 */
export function toMessage(body: unknown): Message {
  if (typeof body === "string" || body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  throw new TypeError(
    `@desk/hash: body must be a raw string, Uint8Array or ArrayBuffer, not ${typeof body}: the HASH covers the bytes sent`,
  );
}
