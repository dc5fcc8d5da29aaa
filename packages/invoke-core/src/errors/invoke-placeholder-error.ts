import { brandError } from "@desk/errors";
import type { PlaceholderLocation } from "@desk/placeholders";
import { InvokeError } from "./invoke-error.js";

/**
 * A placeholder is used where Desk does not allow it, only resembles one (a near-miss Desk would send
 * literally), or Desk answered `INVALID_PLACEHOLDER` (422, `status` set).
 *
 * @example
 * try {
 *   await client.invoke({ url, method: "POST", body: { key: "{{jiraAuthKey}}" } });
 * } catch (error) {
 *   if (InvokePlaceholderError.isInstance(error)) console.error(error.placeholder, error.location);
 * }
 */
export class InvokePlaceholderError extends InvokeError {
  static override readonly brand: symbol = brandError(this, "@desk/invoke-core/InvokePlaceholderError");
  /** The token as written, e.g. `"{{jiraAuthKey}}"`. */
  readonly placeholder: string;
  /** Where it was found, when known. */
  readonly location: PlaceholderLocation | undefined;
  /** The rule it broke: "location", a near-miss rule such as "spaces", or Desk's errorCode. */
  readonly rule: string;
  /** 422 when Desk answered; undefined when found client-side. */
  readonly status: number | undefined;

  /** `message` says what is wrong with the placeholder (never a value); the package prefix is added. */
  constructor({
    placeholder,
    rule,
    message,
    location,
    status,
    cause,
  }: {
    placeholder: string;
    rule: string;
    message: string;
    location?: PlaceholderLocation | undefined;
    status?: number | undefined;
    cause?: unknown;
  }) {
    super({ message, cause });
    this.placeholder = placeholder;
    this.location = location;
    this.rule = rule;
    this.status = status;
  }
}
