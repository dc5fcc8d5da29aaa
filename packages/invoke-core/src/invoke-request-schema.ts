import { z } from "zod";
import { CallOptionsShape } from "./call-options-shape.js";
import { InvokeMethodSchema } from "./invoke-method-schema.js";

// Stand-in for placeholders while checking the URL: Desk substitutes them, so only the rest must be a URL.
const PLACEHOLDER = /\{\{[^{}]*\}\}/g;
const CONTROL = /[\u0000-\u001f\u007f]/;
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const scalar = [z.string(), z.number(), z.boolean()] as const;

const query = z.record(z.string(), z.union([...scalar, z.null(), z.array(z.union(scalar))]));
// A bad name fails as "Invalid key in record" at headers.<name>.
const headers = z.record(
  z.string().regex(TOKEN),
  // zod reports the string branch's own issue when the value is a string.
  z.union([z.string().regex(/^[^\r\n\0]*$/, "must not contain CR, LF or NUL"), z.number()]),
);

function isInvokeUrl(url: string): boolean {
  if (CONTROL.test(url)) return false;
  const probe = url.replace(PLACEHOLDER, "0");
  try {
    // A URL that starts with a placeholder (`{{baseUrl}}/issues`) gets its scheme from the substituted value.
    const { protocol } = new URL(url.startsWith("{{") ? `http://${probe}` : probe);
    return /^https?:$/.test(protocol);
  } catch {
    return false;
  }
}

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
