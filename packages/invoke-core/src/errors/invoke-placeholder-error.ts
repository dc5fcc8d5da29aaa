import type { PlaceholderLocation } from "@desk/placeholders";
import { brandError } from "./brand-error.js";
import { DeskError } from "./desk-error.js";

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
export class InvokePlaceholderError extends DeskError {
  static override readonly brand: symbol = brandError(this, "InvokePlaceholderError");
  /** The token as written, e.g. `"{{jiraAuthKey}}"`. */
  declare readonly placeholder: string;
  /** Where it was found, when known. */
  declare readonly location: PlaceholderLocation | undefined;
  /** The rule it broke: "location", a near-miss rule such as "spaces", or Desk's errorCode. */
  declare readonly rule: string;
  /** 422 when Desk answered; undefined when found client-side. */
  declare readonly status: number | undefined;

  constructor(init: {
    placeholder: string;
    rule: string;
    detail: string;
    location?: PlaceholderLocation;
    status?: number;
  }) {
    const { detail, ...fields } = init;
    super(detail, fields);
  }
}
