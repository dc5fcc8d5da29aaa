import type { z } from "zod";
import { InvokeValidationError } from "./errors/invoke-validation-error.js";

/**
 * The first zod issue as an `InvokeValidationError` naming the field (path) and the rule, never the value.
 *
 * @example
 * const parsed = InvokeRequestSchema.safeParse(request);
 * if (!parsed.success) throw toValidationError(parsed.error);
 */
export function toValidationError(error: z.ZodError): InvokeValidationError {
  const { path, message } = error.issues[0]!;
  // Unknown keys have an empty path; zod's message names them.
  return new InvokeValidationError({ field: path.join(".") || "request", rule: message });
}
