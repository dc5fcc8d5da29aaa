import { z } from "zod";

/**
 * Desk's 200 answer to an invoke call (spec 1.2). `response` is the target body: a string in every known answer
 * (possibly wrapping `{statusMessage, status}`), accepted already parsed too; `responseHeaders` an object or JSON text.
 *
 * @example
 * InvokeResponseSchema.parse({ statusCode: 200, response: "{}", responseHeaders: {} });
 */
export const InvokeResponseSchema = z.object({
  statusCode: z.coerce.number().int(),
  response: z.unknown(),
  responseHeaders: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
});
