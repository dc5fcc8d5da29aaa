import { brandError } from "@desk/errors";
import { DeskSdkError } from "./desk-sdk-error.js";

/**
 * An installation store refused an argument or could not read what it holds. Names the field and the rule,
 * never a securityContext or a key; nothing stored was changed.
 * `field`: `"orgId"` (rule `"digits"`), `"securityContext"` (`"type"`, `"length"`, `"characters"`), `"limit"` /
 * `"after"` of `list` (`"range"`, `"digits"`), `"keyId"` of a stored row (`"unknown"`: sealed with a key the
 * store was not given), or `"securityContext"` with `"integrity"` (a sealed value that does not open: tampered, or
 * another org's). Malformed store options (a key, a table name) are an `SdkOptionsError` when the store is made.
 *
 * @example
 * try {
 *   await store.save({ orgId: "not-an-org", securityContext });
 * } catch (error) {
 *   if (InstallationStoreError.isInstance(error)) console.error(error.field, error.rule); // "orgId" "digits"
 * }
 */
export class InstallationStoreError extends DeskSdkError {
  static override readonly brand: symbol = brandError(this, "@desk/sdk/InstallationStoreError");

  /** The argument or stored part at fault. */
  readonly field: string;
  /** The rule it broke. */
  readonly rule: string;

  constructor(details: { field: string; rule: string; message: string; cause?: unknown }) {
    super({ message: `installation store: ${details.field} ${details.message}`, cause: details.cause });
    this.field = details.field;
    this.rule = details.rule;
  }
}
