// @desk/hash: one entry. The HMAC primitive is the package's `#hmac` import (package.json `imports`): node:crypto
// under the `node` condition (hmac.node.ts), WebCrypto everywhere else (hmac.web.ts: browsers, edge workers).
import { hmac } from "#hmac";
import { createHashApi } from "./create-hash-api.js";

const api = createHashApi(hmac);

/**
 * Signs an invoke call: lowercase hex HMAC-SHA256 of `stringToHash(fields)` with the manifest secret.
 * Send it as the `HASH` header.
 *
 * @throws {TypeError} (as a rejection) for an empty secret or a non-string field value.
 * @example
 * const hash = await signInvoke(process.env.DESK_SECRET!, {
 *   requestURL: "https://desk.zoho.com/api/v1/tickets",
 *   requestType: "GET",
 *   headers: JSON.stringify({ orgId: "12345" }),
 * });
 */
export const signInvoke = api.signInvoke;

/**
 * Signs a callback body: lowercase hex HMAC-SHA256 of its raw bytes (what Desk puts in the `HASH` header).
 *
 * @throws {TypeError} (as a rejection) when the body is not a string, Uint8Array or ArrayBuffer.
 * @example
 * const body = JSON.stringify({ event: "onInstall", orgId: 387238, securityContext: "..." });
 * const hash = await signCallback(secret, body);
 */
export const signCallback = api.signCallback;

/**
 * Verifies an invoke HASH against one secret or several (rotation), in constant time, hex in any case.
 * Accepts both canonical forms (empty fields skipped, or kept as `postBody=`).
 *
 * @example
 * const result = await verifyInvoke([currentSecret, previousSecret], fields, headers.get("HASH"));
 * if (!result.valid) return reply(401, result.reason); // "missing" | "malformed" | "mismatch"
 */
export const verifyInvoke = api.verifyInvoke;

/**
 * Verifies a callback HASH over the RAW body bytes (never a re-serialised object), in constant time.
 *
 * @throws {TypeError} (as a rejection) when the body is a parsed object rather than raw bytes.
 * @example
 * const raw = await request.arrayBuffer();
 * const result = await verifyCallback(secret, raw, request.headers.get("HASH"));
 * if (result.valid) handle(JSON.parse(new TextDecoder().decode(raw)));
 */
export const verifyCallback = api.verifyCallback;

/**
 * Like {@link verifyInvoke}, but rejects with a `HashVerificationError` (carrying `reason`) when invalid.
 *
 * @example
 * const { secretIndex } = await assertInvokeHash([secret, oldSecret], fields, hash);
 */
export const assertInvokeHash = api.assertInvokeHash;

/**
 * Like {@link verifyCallback}, but rejects with a `HashVerificationError` (carrying `reason`) when invalid.
 *
 * @example
 * await assertCallbackHash(secret, await request.text(), request.headers.get("HASH"));
 */
export const assertCallbackHash = api.assertCallbackHash;

/**
 * Prepares the key(s) once for many calls: signs with the FIRST secret, verifies against all of them.
 *
 * @throws {TypeError} when no non-empty secret is given.
 * @example
 * const signer = createSigner([process.env.DESK_SECRET!, process.env.DESK_OLD_SECRET!]);
 * const hash = await signer.signInvoke({ requestURL, requestType: "GET" });
 * const { valid } = await signer.verifyCallback(rawBody, hashHeader);
 */
export const createSigner = api.createSigner;

export { DeskHashError } from "./desk-hash-error.js";
export { HashVerificationError } from "./hash-verification-error.js";
export { INVOKE_HASH_FIELDS, type InvokeHashField, type InvokeHashFields } from "./invoke-hash-fields.js";
export { type StringToHashOptions, stringToHash } from "./string-to-hash.js";
export type { RawBody, Secrets, Signer, VerifyFailureReason, VerifyResult } from "./types.js";
