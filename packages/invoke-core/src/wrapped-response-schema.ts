import { z } from "zod";

/**
 * The wrapper production Desk puts around the target body: `{"statusMessage": <body>, "status": "true"}`.
 * Strict, so a target body that merely has these keys among others is not mistaken for it.
 *
 * @example
 * WrappedResponseSchema.safeParse({ statusMessage: { id: 1 }, status: "true" }).success; // true
 */
export const WrappedResponseSchema = z.strictObject({
  statusMessage: z.unknown(),
  status: z.union([z.string(), z.boolean()]),
});
