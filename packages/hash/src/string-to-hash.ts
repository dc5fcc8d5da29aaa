import { INVOKE_HASH_FIELDS, type InvokeHashFields } from "./invoke-hash-fields.js";

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
  if (typeof fields !== "object" || fields === null) {
    throw new TypeError("@desk/hash: fields must be an object");
  }
  const keepEmpty = options?.keepEmpty === true;
  let canonical = "";
  for (const name of INVOKE_HASH_FIELDS) {
    const value: unknown = fields[name];
    // null counts as absent: form parsers and JSON hand it out for "not sent".
    if (value === undefined || value === null || (value === "" && !keepEmpty)) continue;
    if (typeof value !== "string") {
      throw new TypeError(`@desk/hash: field ${name} must be a string, not ${typeof value}`);
    }
    // Raw values, no URL-encoding: Desk hashes the form values as they are (spec 1.1).
    // Any included field makes `canonical` non-empty ("postBody=" included), so "&" only goes between fields.
    canonical += `${canonical ? "&" : ""}${name}=${value}`;
  }
  return canonical;
}
