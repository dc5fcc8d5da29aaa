import { z } from "zod";
import { InvokeMethodSchema } from "./invoke-method-schema.js";

const fn = z.custom<(...args: never[]) => unknown>((value) => typeof value === "function");

/**
 * `retry` option: a number of retries, or the full options.
 *
 * @example
 * RetryOptionsSchema.parse({ limit: 3, methods: ["GET"] });
 */
export const RetryOptionsSchema = z.union([
  z.number().int().min(0),
  z.strictObject({
    limit: z.number().int().min(0).optional(),
    methods: z.array(InvokeMethodSchema).optional(),
    statusCodes: z.array(z.number().int()).optional(),
    maxRetryAfter: z.number().min(0).optional(),
    delay: fn.optional(),
    shouldRetry: fn.optional(),
  }),
]);
