import { canonical } from "./canonical.js";
import { HashVerificationError } from "./hash-verification-error.js";
import type { Hmac, Message } from "./hmac.js";
import { INVOKE_HASH_FIELDS, type InvokeHashFields } from "./invoke-hash-fields.js";
import { parseHash } from "./parse-hash.js";
import { toMessage } from "./to-message.js";
import { checkSecret, toSecretList } from "./to-secret-list.js";
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
  if (INVOKE_HASH_FIELDS.some((name) => fields[name] === "")) forms.push(canonical(fields, true));
  return forms;
};

const orThrow = async (result: Promise<VerifyResult>) => {
  const outcome = await result;
  if (!outcome.valid) throw new HashVerificationError(outcome.reason);
  return { secretIndex: outcome.secretIndex };
};

/**
 * Builds the whole API around one HMAC primitive, so the WebCrypto and node:crypto entries share every rule.
 * Inputs are checked before the HASH, so a programming error (a parsed body) surfaces even on unsigned requests.
 * (`return await` on purpose: V8 settles it in fewer microtask ticks than returning the promise.)
 */
export function createHashApi<Key>(hmac: Hmac<Key>): HashApi {
  const verify = async (keys: readonly Key[], forms: Message[], hash: Hash): Promise<VerifyResult> => {
    const digest = parseHash(hash);
    if (typeof digest === "string") return { valid: false, reason: digest };
    for (let secretIndex = 0; secretIndex < keys.length; secretIndex++) {
      for (const form of forms) {
        if (await hmac.equals(keys[secretIndex]!, form, digest)) return { valid: true, secretIndex };
      }
    }
    return { valid: false, reason: "mismatch" };
  };
  const once = (secrets: Secrets) => toSecretList(secrets).map(hmac.once);

  const api: HashApi = {
    signInvoke: async (secret, fields) =>
      await hmac.hex(hmac.once(checkSecret(secret)), canonical(fields, false)),
    signCallback: async (secret, body) => await hmac.hex(hmac.once(checkSecret(secret)), toMessage(body)),
    verifyInvoke: async (secrets, fields, hash) => await verify(once(secrets), invokeForms(fields), hash),
    verifyCallback: async (secrets, body, hash) => await verify(once(secrets), [toMessage(body)], hash),
    assertInvokeHash: (secrets, fields, hash) => orThrow(api.verifyInvoke(secrets, fields, hash)),
    assertCallbackHash: (secrets, body, hash) => orThrow(api.verifyCallback(secrets, body, hash)),
    createSigner(secrets) {
      const keys = toSecretList(secrets).map(hmac.prepare);
      const first = keys[0]!;
      return {
        signInvoke: async (fields) => await hmac.hex(first, canonical(fields, false)),
        signCallback: async (body) => await hmac.hex(first, toMessage(body)),
        verifyInvoke: async (fields, hash) => await verify(keys, invokeForms(fields), hash),
        verifyCallback: async (body, hash) => await verify(keys, [toMessage(body)], hash),
      };
    },
  };
  return api;
}
