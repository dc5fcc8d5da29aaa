import { canonical } from "./canonical.js";
import { HashVerificationError } from "./hash-verification-error.js";
import type { Hmac, Message } from "./hmac.js";
import { INVOKE_HASH_FIELDS, type InvokeHashFields } from "./invoke-hash-fields.js";
import { parseHash } from "./parse-hash.js";
import { toMessage } from "./to-message.js";
import { toSecretList } from "./to-secret-list.js";
import type { RawBody, Secrets, Signer, VerifyResult } from "./types.js";

type Hash = string | null | undefined;

/** The public signing API, built once per entry around that entry's HMAC primitive. */
export interface HashApi {
  signInvoke(secret: string, fields: InvokeHashFields): Promise<string>;
  signCallback(secret: string, body: RawBody): Promise<string>;
  verifyInvoke(secrets: Secrets, fields: InvokeHashFields, hash: Hash): Promise<VerifyResult>;
  verifyCallback(secrets: Secrets, body: RawBody, hash: Hash): Promise<VerifyResult>;
  assertInvokeHash(secrets: Secrets, fields: InvokeHashFields, hash: Hash): Promise<{ secretIndex: number }>;
  assertCallbackHash(secrets: Secrets, body: RawBody, hash: Hash): Promise<{ secretIndex: number }>;
  createSigner(secrets: Secrets): Signer;
}

// Both canonical forms a verifier accepts (spec 1.1 decision); the second only exists when a field is "".
const invokeForms = (fields: InvokeHashFields): Message[] => {
  const forms = [canonical(fields, false)];
  for (const name of INVOKE_HASH_FIELDS) {
    if (fields[name] === "") return [forms[0]!, canonical(fields, true)];
  }
  return forms;
};

const orThrow = async (result: Promise<VerifyResult>) => {
  const outcome = await result;
  if (!outcome.valid) throw new HashVerificationError(outcome.reason);
  return { secretIndex: outcome.secretIndex };
};

/**
 * Builds the whole API around one HMAC primitive, so the WebCrypto and node:crypto entries share every rule.
 * Inputs are checked before the HASH, so a programming error (a parsed body) surfaces even on unsigned requests,
 * and inside an async function, so it surfaces as a rejection. node:crypto answers synchronously: nothing
 * awaits it (each await is a microtask tick, a measurable share of a 256-byte HMAC).
 */
export function createHashApi<Key>(hmac: Hmac<Key>): HashApi {
  const verify = async (
    keys: () => readonly Key[],
    forms: () => Message[],
    hash: Hash,
  ): Promise<VerifyResult> => {
    const candidates = keys();
    const messages = forms();
    const digest = parseHash(hash);
    if (typeof digest === "string") return { valid: false, reason: digest };
    for (let secretIndex = 0; secretIndex < candidates.length; secretIndex++) {
      for (const message of messages) {
        let equal = hmac.equals(candidates[secretIndex]!, message, digest);
        if (typeof equal !== "boolean") equal = await equal;
        if (equal) return { valid: true, secretIndex };
      }
    }
    return { valid: false, reason: "mismatch" };
  };
  // One-shot calls reuse the key prepared for a recently used secret: preparing one (createSecretKey,
  // importKey) costs more than the HMAC of a small message. Bounded, so passing many secrets can't grow it.
  const recent = new Map<string, Key>();
  const keyOf = (secret: string) => {
    let key = recent.get(secret);
    if (key === undefined) {
      if (recent.size >= 8) recent.clear();
      key = hmac.key(secret);
      recent.set(secret, key);
    }
    return key;
  };
  const once = (secrets: Secrets) => () => toSecretList(secrets).map(keyOf);

  const api: HashApi = {
    signInvoke: async (secret, fields) => hmac.hex(keyOf(toSecretList(secret)[0]!), canonical(fields, false)),
    signCallback: async (secret, body) => hmac.hex(keyOf(toSecretList(secret)[0]!), toMessage(body)),
    verifyInvoke: (secrets, fields, hash) => verify(once(secrets), () => invokeForms(fields), hash),
    verifyCallback: (secrets, body, hash) => verify(once(secrets), () => [toMessage(body)], hash),
    assertInvokeHash: (secrets, fields, hash) => orThrow(api.verifyInvoke(secrets, fields, hash)),
    assertCallbackHash: (secrets, body, hash) => orThrow(api.verifyCallback(secrets, body, hash)),
    createSigner(secrets) {
      const prepared = toSecretList(secrets).map(hmac.key);
      const keys = () => prepared;
      const first = prepared[0]!;
      return {
        signInvoke: async (fields) => hmac.hex(first, canonical(fields, false)),
        signCallback: async (body) => hmac.hex(first, toMessage(body)),
        verifyInvoke: (fields, hash) => verify(keys, () => invokeForms(fields), hash),
        verifyCallback: (body, hash) => verify(keys, () => [toMessage(body)], hash),
      };
    },
  };
  return api;
}
