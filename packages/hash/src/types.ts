import type { InvokeHashFields } from "./invoke-hash-fields.js";

/**
 * The raw bytes of a request body, exactly as received. A parsed object is not accepted: re-serialising JSON
 * changes the bytes, and the HASH is computed over the bytes Desk sent.
 */
export type RawBody = string | Uint8Array | ArrayBuffer;

/** One secret, or several during a rotation (sign with the first, accept any). */
export type Secrets = string | readonly string[];

/** Why a HASH was refused: none given, not 64 hex characters, or no secret produces it. */
export type VerifyFailureReason = "missing" | "malformed" | "mismatch";

/** The outcome of a verification: which secret matched (index into the secrets given), or why none did. */
export type VerifyResult =
  | { valid: true; secretIndex: number }
  | { valid: false; reason: VerifyFailureReason };

/** Signs and verifies with keys prepared once (see `createSigner`). */
export interface Signer {
  /** Lowercase hex HASH of the invoke fields, with the first secret. */
  signInvoke(fields: InvokeHashFields): Promise<string>;
  /** Lowercase hex HASH of a raw callback body, with the first secret. */
  signCallback(body: RawBody): Promise<string>;
  /** Checks an invoke HASH against every secret, in either canonical form (empty fields skipped or kept). */
  verifyInvoke(fields: InvokeHashFields, hash: string | null | undefined): Promise<VerifyResult>;
  /** Checks a callback HASH over the raw body against every secret. */
  verifyCallback(body: RawBody, hash: string | null | undefined): Promise<VerifyResult>;
}
