import { brandError } from "./brand-error.js";
import { DeskSdkError } from "./desk-sdk-error.js";

/**
 * A callback with a valid HASH whose body is not what spec 4 describes: answer 400. `field` is `"body"` (rule
 * `"utf8"`, `"json"` or `"object"`), `"event"`, `"orgId"` or `"securityContext"`; values are never quoted.
 *
 * @example
 * if (CallbackPayloadError.isInstance(error)) console.warn(error.field, error.rule); // "orgId" "digits"
 */
export class CallbackPayloadError extends DeskSdkError {
  static override readonly brand: symbol = brandError(this, "CallbackPayloadError");

  /** The body part at fault. */
  readonly field: string;
  /** The rule it broke. */
  readonly rule: string;
  /** The HTTP status to answer: always 400. */
  readonly status = 400;

  constructor(field: string, rule: string, description: string, cause?: unknown) {
    super(`callback ${field} ${description}`, cause === undefined ? undefined : { cause });
    this.field = field;
    this.rule = rule;
  }
}
