/** What gets HMAC'd: a string or the pieces of one (hashed as UTF-8 bytes), or raw bytes. */
export type Message = string | readonly string[] | Uint8Array;

/**
 * The one part that differs between the WebCrypto and node:crypto entries: the HMAC-SHA256 primitive.
 * Everything else (canonical string, input checks, hex parsing, errors, results) is shared.
 */
export interface Hmac<Key> {
  /** Prepares a secret's key once for many calls. */
  key(secret: string): Key;
  /** Lowercase hex HMAC-SHA256 of the message. */
  hex(key: Key, message: Message): string | Promise<string>;
  /** Whether the message's HMAC equals `digest` (32 bytes), compared in constant time. */
  equals(key: Key, message: Message, digest: Uint8Array): boolean | Promise<boolean>;
}
