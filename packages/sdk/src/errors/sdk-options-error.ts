import { brandError } from "./brand-error.js";
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
  static override readonly brand: symbol = brandError(this, "SdkOptionsError");

  /** The option at fault. */
  readonly field: string;
  /** The rule it broke. */
  readonly rule: string;

  constructor(field: string, rule: string, description: string) {
    super(`${field} ${description}`);
    this.field = field;
    this.rule = rule;
  }
}
