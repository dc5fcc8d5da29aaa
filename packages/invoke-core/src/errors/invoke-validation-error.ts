import { brandError } from "./brand-error.js";
import { DeskError } from "./desk-error.js";

/**
 * The request is invalid: found before any network call (`status` undefined), or Desk answered
 * `UNPROCESSABLE_ENTITY` (422, `status` set). Never carries the offending value, only the field and the rule.
 *
 * @example
 * try {
 *   await client.invoke({ url: "ftp://example.com", method: "GET" });
 * } catch (error) {
 *   if (InvokeValidationError.isInstance(error)) console.error(error.field, error.rule); // "url", "must be ..."
 * }
 */
export class InvokeValidationError extends DeskError {
  static override readonly brand: symbol = brandError(this, "InvokeValidationError");
  /** The field, e.g. `"url"`, `"headers.X-Trace"`, or Desk's `fieldName`. */
  declare readonly field: string;
  /** The rule it broke. */
  declare readonly rule: string;
  /** 422 when Desk answered; undefined when found client-side. */
  declare readonly status: number | undefined;

  constructor(field: string, rule: string, status?: number) {
    super(`invalid ${field}: ${rule}`, { field, rule, status });
  }
}
