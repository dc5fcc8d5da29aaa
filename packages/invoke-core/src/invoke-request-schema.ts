import { z } from "zod";
import { CallOptionsShape } from "./call-options-shape.js";
import { InvokeMethodSchema } from "./invoke-method-schema.js";
import { HEADER_NAME, HEADER_VALUE, isInvokeUrl } from "./invoke-rules.js";

const scalar = [z.string(), z.number(), z.boolean()] as const;

const query = z.record(z.string(), z.union([...scalar, z.null(), z.array(z.union(scalar))]));
// A bad name fails as "Invalid key in record" at headers.<name>.
const headers = z.record(
  z.string().regex(HEADER_NAME),
  // zod reports the string branch's own issue when the value is a string.
  z.union([z.string().regex(HEADER_VALUE, "must not contain CR, LF or NUL"), z.number()]),
);

/**
 * An `InvokeRequest`, checked before any network call: absolute http(s) URL (placeholders allowed), a known method,
 * header names that are HTTP tokens and values (strings without CR/LF, or numbers), JSON-able query values, no
 * unknown keys.
 *
 * @example
 * InvokeRequestSchema.safeParse({ url: "ftp://x", method: "GET" }).success; // false
 */
export const InvokeRequestSchema = z.strictObject({
  url: z.string().refine(isInvokeUrl, "must be an absolute http(s) URL"),
  method: InvokeMethodSchema,
  query: query.optional(),
  headers: headers.optional(),
  body: z.unknown().optional(),
  connection: z.string().optional(),
  signal: z.instanceof(AbortSignal).optional(),
  ...CallOptionsShape,
});
