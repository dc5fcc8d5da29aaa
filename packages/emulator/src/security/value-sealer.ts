import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const VERSION = "sv1";

/**
 * Seals secure config values at rest: AES-256-GCM with a random IV, bound (as associated data) to the row it belongs
 * to, so a sealed value cannot be moved to another installation or param. Opening anything else answers undefined.
 *
 * @example
 * const sealer = new ValueSealer(keys.valuesKey);
 * const stored = sealer.seal("t0k", "4000000000001\u0000trackerToken");
 * sealer.open(stored, "4000000000001\u0000trackerToken"); // "t0k"
 */
export class ValueSealer {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    this.#key = key;
  }

  seal(value: string, binding: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.#key, iv);
    cipher.setAAD(Buffer.from(binding, "utf8"));
    const body = Buffer.concat([cipher.update(value, "utf8"), cipher.final()]);
    return `${VERSION}.${Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url")}`;
  }

  open(sealed: string, binding: string): string | undefined {
    if (!sealed.startsWith(`${VERSION}.`)) return undefined;
    const raw = Buffer.from(sealed.slice(VERSION.length + 1), "base64url");
    if (raw.length < 12 + 16) return undefined;
    try {
      const decipher = createDecipheriv("aes-256-gcm", this.#key, raw.subarray(0, 12));
      decipher.setAAD(Buffer.from(binding, "utf8"));
      decipher.setAuthTag(raw.subarray(raw.length - 16));
      return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString(
        "utf8",
      );
    } catch {
      return undefined;
    }
  }
}
