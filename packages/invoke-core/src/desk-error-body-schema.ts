import { z } from "zod";

/**
 * Desk's error body for a refused invoke call (spec 1.3).
 *
 * @example
 * DeskErrorBodySchema.parse({ errorCode: "INVALID_HASH", message: "HASH mismatch" });
 */
export const DeskErrorBodySchema = z.object({
  errorCode: z.string(),
  message: z.string().optional(),
  fieldName: z.string().optional(),
  placeholder: z.string().optional(),
});
