import { brandError } from "@desk/errors";
import { DeskSdkError } from "./desk-sdk-error.js";

/**
 * `createDesk` or `desk.installation` was given options it cannot work with. Names the option and the rule,
 * never its value.
 *
 * @example
 * try {
 *   createDesk({ secret: "" });
 * } catch (error) {
 *   if (SdkOptionsError.isInstance(error)) console.error(error.field, error.rule); // "secret" "required"
 * }
 */
export class SdkOptionsError extends DeskSdkError {
  static override readonly brand: symbol = brandError(this, "@desk/sdk/SdkOptionsError");

  /** The option at fault. */
  readonly field: string;
  /** The rule it broke. */
  readonly rule: string;

  /** `message` states the rule (e.g. "must be a whole number from 1"); it follows the field's name. */
  constructor({
    field,
    rule,
    message,
    cause,
  }: { field: string; rule: string; message: string; cause?: unknown }) {
    super({ message: `${field} ${message}`, cause });
    this.field = field;
    this.rule = rule;
  }
}
