import { canonical } from "./canonical.js";
import type { InvokeHashFields } from "./invoke-hash-fields.js";

/** Options of {@link stringToHash}. */
export interface StringToHashOptions {
  /**
   * Keep fields that are present but empty (`postBody=`), as Zoho's Java code does. Default `false`: skip them,
   * as Zoho's PHP code does and as signers here do (spec 1.1 decision).
   */
  keepEmpty?: boolean;
}

/**
 * Builds the canonical string that the invoke HASH is computed over: the present (and, by default, non-empty)
 * fields in the fixed order of spec 1.1, as raw `name=value`, joined with `&`.
 *
 * @throws {TypeError} when `fields` is not an object or a field value is not a string.
 * @example
 * stringToHash({ requestType: "GET", requestURL: "https://desk.zoho.com/api/v1/tickets", postBody: "" });
 * // "requestURL=https://desk.zoho.com/api/v1/tickets&requestType=GET"
 */
export function stringToHash(fields: InvokeHashFields, options?: StringToHashOptions): string {
  return [canonical(fields, options?.keepEmpty === true)].flat().join("");
}
