import { createCipheriv, createDecipheriv, createHmac } from "node:crypto";

const VERSION = "dsc1";

/** What a securityContext names. */
export interface SealedContext {
  orgId: string;
  installationId: string;
}

/**
 * Seals and opens securityContexts: AES-256-GCM over `{o, i}`, as `dsc1.<base64url>`. The IV is derived from the
 * plaintext, so one installation always gets the same token (GCM stays safe: same IV only with the same plaintext).
 * Opening anything tampered or foreign answers undefined, never throws, never says why.
 */
export class SecurityContextSealer {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    this.#key = key;
  }

  seal(context: SealedContext): string {
    const iv = createHmac("sha256", this.#key)
      .update(`iv\u0000${context.orgId}\u0000${context.installationId}`)
      .digest()
      .subarray(0, 12);
    const cipher = createCipheriv("aes-256-gcm", this.#key, iv);
    const plain = Buffer.from(JSON.stringify({ o: context.orgId, i: context.installationId }), "utf8");
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return `${VERSION}.${Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url")}`;
  }

  open(token: string | null | undefined): SealedContext | undefined {
    if (typeof token !== "string" || !token.startsWith(`${VERSION}.`)) return undefined;
    const encoded = token.slice(VERSION.length + 1);
    const raw = Buffer.from(encoded, "base64url");
    // Only the canonical encoding is accepted: base64url ignores stray characters and the unused low bits of the
    // last one, so without this check a changed token could still open.
    if (raw.length < 12 + 16 + 1 || raw.toString("base64url") !== encoded) return undefined;
    try {
      const decipher = createDecipheriv("aes-256-gcm", this.#key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(raw.length - 16));
      const plain = Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]);
      const parsed = JSON.parse(plain.toString("utf8")) as { o?: unknown; i?: unknown };
      if (typeof parsed.o !== "string" || typeof parsed.i !== "string") return undefined;
      return { orgId: parsed.o, installationId: parsed.i };
    } catch {
      return undefined;
    }
  }
}
