import { brandError } from "@desk/errors";
import { DeskSdkError } from "./desk-sdk-error.js";

/**
 * A callback with a valid HASH whose body is not what spec 4 describes: answer 400. `field` is `"body"` (rule
 * `"utf8"`, `"json"` or `"object"`), `"event"`, `"orgId"` or `"securityContext"`; values are never quoted.
 *
 * @example
 * if (CallbackPayloadError.isInstance(error)) console.warn(error.field, error.rule); // "orgId" "digits"
 */
export class CallbackPayloadError extends DeskSdkError {
  static override readonly brand: symbol = brandError(this, "@desk/sdk/CallbackPayloadError");

  /** The body part at fault. */
  readonly field: string;
  /** The rule it broke. */
  readonly rule: string;
  /** The HTTP status to answer: always 400. */
  readonly status = 400;

  /** `message` states the rule (e.g. "must be JSON"); it follows "callback <field>" in the error's message. */
  constructor({
    field,
    rule,
    message,
    cause,
  }: { field: string; rule: string; message: string; cause?: unknown }) {
    super({ message: `callback ${field} ${message}`, cause });
    this.field = field;
    this.rule = rule;
  }
}
