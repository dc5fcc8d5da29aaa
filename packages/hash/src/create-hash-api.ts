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
  verifyInvoke(secret: Secrets, fields: InvokeHashFields, hash: Hash): Promise<VerifyResult>;
  verifyCallback(secret: Secrets, body: RawBody, hash: Hash): Promise<VerifyResult>;
  assertInvokeHash(secret: Secrets, fields: InvokeHashFields, hash: Hash): Promise<{ secretIndex: number }>;
  assertCallbackHash(secret: Secrets, body: RawBody, hash: Hash): Promise<{ secretIndex: number }>;
  createSigner(secret: Secrets): Signer;
}

// Both canonical forms a verifier accepts (spec 1.1 decision); the second only exists when a field is "".
const invokeForms = (fields: InvokeHashFields): Message[] => {
  const skipped = canonical(fields, false);
  return INVOKE_HASH_FIELDS.some((name) => fields[name] === "")
    ? [skipped, canonical(fields, true)]
    : [skipped];
};
const bodyForms = (body: RawBody) => [toMessage(body)];

const orThrow = (outcome: VerifyResult) => {
  if (!outcome.valid) throw new HashVerificationError({ reason: outcome.reason });
  return { secretIndex: outcome.secretIndex };
};

/**
 * Builds the whole API around one HMAC primitive, so the WebCrypto and node:crypto entries share every rule.
 * Keys come from a thunk and inputs are checked before the HASH, inside async functions: a programming error
 * (no secret, a parsed body) surfaces as a rejection, even on unsigned requests. node:crypto answers
 * synchronously: nothing awaits it (each await is a microtask tick, a measurable share of a 256-byte HMAC).
 */
export function createHashApi<Key>(hmac: Hmac<Key>): HashApi {
  type Keys = () => readonly Key[];
  const verify = async <T>(
    keys: Keys,
    forms: (input: T) => Message[],
    input: T,
    hash: Hash,
  ): Promise<VerifyResult> => {
    const candidates = keys();
    const messages = forms(input);
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
  // One-shot calls prepare the key per call (createSigner is the way to prepare it once).
  const once = (secret: Secrets) => () => toSecretList(secret).map(hmac.key);

  const api: HashApi = {
    // Signing is the hot path: one key, one canonical form, no intermediate lists.
    signInvoke: async (secret, fields) => hmac.hex(once(secret)()[0]!, canonical(fields, false)),
    signCallback: async (secret, body) => hmac.hex(once(secret)()[0]!, toMessage(body)),
    verifyInvoke: (secret, fields, hash) => verify(once(secret), invokeForms, fields, hash),
    verifyCallback: (secret, body, hash) => verify(once(secret), bodyForms, body, hash),
    assertInvokeHash: (secret, fields, hash) => api.verifyInvoke(secret, fields, hash).then(orThrow),
    assertCallbackHash: (secret, body, hash) => api.verifyCallback(secret, body, hash).then(orThrow),
    createSigner(secret) {
      const prepared = toSecretList(secret).map(hmac.key);
      const keys = () => prepared;
      const first = prepared[0]!;
      return {
        signInvoke: async (fields) => hmac.hex(first, canonical(fields, false)),
        signCallback: async (body) => hmac.hex(first, toMessage(body)),
        verifyInvoke: (fields, hash) => verify(keys, invokeForms, fields, hash),
        verifyCallback: (body, hash) => verify(keys, bodyForms, body, hash),
      };
    },
  };
  return api;
}
