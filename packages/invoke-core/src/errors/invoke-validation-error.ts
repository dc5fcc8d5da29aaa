import { brandError } from "@desk/errors";
import { InvokeError } from "./invoke-error.js";

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
export class InvokeValidationError extends InvokeError {
  static override readonly brand: symbol = brandError(this, "@desk/invoke-core/InvokeValidationError");
  /** The field, e.g. `"url"`, `"headers.X-Trace"`, or Desk's `fieldName`. */
  readonly field: string;
  /** The rule it broke. */
  readonly rule: string;
  /** 422 when Desk answered; undefined when found client-side. */
  readonly status: number | undefined;

  constructor({
    field,
    rule,
    status,
    cause,
  }: { field: string; rule: string; status?: number | undefined; cause?: unknown }) {
    super({ message: `invalid ${field}: ${rule}`, cause });
    this.field = field;
    this.rule = rule;
    this.status = status;
  }
}
