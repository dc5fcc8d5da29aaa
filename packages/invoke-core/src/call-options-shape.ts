import { z } from "zod";
import { RetryOptionsSchema } from "./retry-options-schema.js";

/**
 * The options a client sets as defaults and a call may override (shared by both schemas).
 *
 * @example
 * z.object(CallOptionsShape).parse({ timeout: 5000, retry: 1 });
 */
export const CallOptionsShape = {
  retry: RetryOptionsSchema.optional(),
  throwOnTargetError: z.boolean().optional(),
  timeout: z.number().positive().optional(),
  allowNearMisses: z.boolean().optional(),
};
