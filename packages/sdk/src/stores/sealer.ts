import { InstallationStoreError } from "../errors/installation-store-error.js";
import { SdkOptionsError } from "../errors/sdk-options-error.js";
import { fromBase64, toBase64 } from "./base64.js";

/**
 * Encryption at rest of the securityContexts an installation store keeps: AES-256-GCM, each value sealed with a
 * fresh 96-bit IV and bound to its orgId (a sealed value copied to another org does not open).
 *
 * Rotation without a flag day: put the new key first (it seals every save from then on) and keep the old ones after
 * it (they still open what they sealed); once every installation was saved again, drop the old key.
 *
 * @example
 * const encryption: InstallationStoreEncryption = {
 *   keys: [{ id: "2026-12", key: process.env.STORE_KEY! }, { id: "2026-06", key: process.env.OLD_STORE_KEY! }],
 * };
 * const store = createMemoryInstallationStore({ encryption });
 */
export interface InstallationStoreEncryption {
  /**
   * The keys by id (letters, digits, `.`, `_`, `-`; at most 64): the first seals, every one opens. A key is 32
   * bytes, given as bytes or as their base64 (`openssl rand -base64 32`).
   */
  readonly keys: readonly { readonly id: string; readonly key: string | Uint8Array }[];
}

export interface Sealer {
  seal(orgId: string, securityContext: string): Promise<{ securityContext: string; keyId: string | null }>;
  open(orgId: string, stored: string, keyId: string | null): Promise<string>;
}

const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;
const IV_BYTES = 12;

const aad = (orgId: string) => new TextEncoder().encode(`@desk/sdk installation ${orgId}`);

/** Checks the keys once and imports them; without encryption, values pass through. */
export function createSealer(encryption: InstallationStoreEncryption | undefined): Sealer {
  if (encryption === undefined) {
    return {
      seal: async (_orgId, securityContext) => ({ securityContext, keyId: null }),
      open: async (_orgId, stored, keyId) => {
        if (keyId !== null) throw unknownKey(keyId);
        return stored;
      },
    };
  }
  const keys = new Map<string, Promise<CryptoKey>>();
  const list = Array.isArray(encryption.keys) ? encryption.keys : [];
  if (list.length === 0) {
    throw new SdkOptionsError({
      field: "encryption.keys",
      rule: "required",
      message: "must list at least one key",
    });
  }
  list.forEach(({ id, key }, index) => {
    const at = `encryption.keys[${index}]`;
    if (typeof id !== "string" || !KEY_ID.test(id)) {
      throw new SdkOptionsError({
        field: `${at}.id`,
        rule: "format",
        message: "must be 1 to 64 letters, digits, '.', '_' or '-'",
      });
    }
    if (keys.has(id)) {
      throw new SdkOptionsError({ field: `${at}.id`, rule: "duplicate", message: "is given twice" });
    }
    const bytes = typeof key === "string" ? fromBase64(key) : key instanceof Uint8Array ? key : undefined;
    if (bytes?.length !== 32) {
      throw new SdkOptionsError({
        field: `${at}.key`,
        rule: "length",
        message: "must be 32 bytes (or their base64)",
      });
    }
    keys.set(
      id,
      crypto.subtle.importKey("raw", new Uint8Array(bytes), "AES-GCM", false, ["encrypt", "decrypt"]),
    );
  });
  const current = list[0]!.id;

  return {
    async seal(orgId, securityContext) {
      const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
      const sealed = await crypto.subtle.encrypt(
        { name: "AES-GCM", iv, additionalData: aad(orgId) },
        await keys.get(current)!,
        new TextEncoder().encode(securityContext),
      );
      const out = new Uint8Array(IV_BYTES + sealed.byteLength);
      out.set(iv);
      out.set(new Uint8Array(sealed), IV_BYTES);
      return { securityContext: toBase64(out), keyId: current };
    },
    async open(orgId, stored, keyId) {
      // A row stored before encryption was turned on: read as is, sealed on its next save.
      if (keyId === null) return stored;
      const key = keys.get(keyId);
      if (!key) throw unknownKey(keyId);
      const bytes = fromBase64(stored);
      try {
        if (!bytes || bytes.length <= IV_BYTES) throw new Error("too short");
        const plain = await crypto.subtle.decrypt(
          { name: "AES-GCM", iv: bytes.subarray(0, IV_BYTES), additionalData: aad(orgId) },
          await key,
          bytes.subarray(IV_BYTES),
        );
        return new TextDecoder("utf-8", { fatal: true }).decode(plain);
      } catch {
        throw new InstallationStoreError({
          field: "securityContext",
          rule: "integrity",
          message: `of org ${orgId} does not open with key ${keyId} (tampered, or sealed for another org)`,
        });
      }
    },
  };
}

function unknownKey(keyId: string): InstallationStoreError {
  return new InstallationStoreError({
    field: "keyId",
    rule: "unknown",
    message: `${JSON.stringify(keyId)} of a stored installation is not among this store's keys (keep old keys in encryption.keys)`,
  });
}
