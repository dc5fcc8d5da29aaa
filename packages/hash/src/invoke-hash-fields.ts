/** A form field of the invoke API that goes into the HASH (spec 1.1). `securityContext` and `orgId` are not hashed. */
export type InvokeHashField =
  | "requestURL"
  | "requestType"
  | "queryParams"
  | "postBody"
  | "headers"
  | "connectionLinkName";

/**
 * The hashed invoke fields in the fixed order of spec 1.1 ("order is important"; not sorted).
 *
 * @example
 * INVOKE_HASH_FIELDS.join(","); // "requestURL,requestType,queryParams,postBody,headers,connectionLinkName"
 */
export const INVOKE_HASH_FIELDS: readonly InvokeHashField[] = [
  "requestURL",
  "requestType",
  "queryParams",
  "postBody",
  "headers",
  "connectionLinkName",
];

/** The invoke form values to hash: the exact strings sent in the form, before URL-encoding and placeholder substitution. */
export type InvokeHashFields = { readonly [K in InvokeHashField]?: string | undefined };
