import { brandError } from "@desk/errors";
import { ExtensionDataError } from "./extension-data-error.js";

/**
 * `permissions.isEnabled(apiName)` was asked about a permission Desk does not list for this installation,
 * most often a typo or a permission missing from resources.json.
 *
 * @example
 * try {
 *   await data.permissions.isEnabled("canEscalte");
 * } catch (error) {
 *   if (UnknownPermissionError.isInstance(error)) console.log(error.known); // ["canEscalate", ...]
 * }
 */
export class UnknownPermissionError extends ExtensionDataError {
  static override readonly brand: symbol = brandError(this, "@desk/extension-data/UnknownPermissionError");
  readonly apiName: string;
  /** The apiNames Desk did list. */
  readonly known: readonly string[];

  constructor(details: { apiName: string; known: readonly string[] }) {
    super({
      message: `permissions: "${details.apiName}" is not a permission of this extension (known: ${
        details.known.join(", ") || "none"
      }); declare it in resources.json permissions[]`,
    });
    this.apiName = details.apiName;
    this.known = details.known;
  }
}
