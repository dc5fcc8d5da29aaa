import { brandError } from "@desk/errors";
import { ExtensionDataError } from "./extension-data-error.js";

/**
 * Desk answered 2xx but the body did not have the shape the spec describes, so it was not passed on unchecked.
 *
 * @example
 * try {
 *   await data.permissions.list();
 * } catch (error) {
 *   if (ExtensionDataResponseError.isInstance(error)) console.log(error.operation, error.issues);
 * }
 */
export class ExtensionDataResponseError extends ExtensionDataError {
  static override readonly brand: symbol = brandError(
    this,
    "@desk/extension-data/ExtensionDataResponseError",
  );
  readonly operation: string;
  /** Where the body differed: dotted paths with what was expected. */
  readonly issues: readonly string[];
  readonly data: unknown;

  constructor(details: { operation: string; issues: readonly string[]; data: unknown; cause?: unknown }) {
    super({
      message: `${details.operation}: unexpected answer from Desk (${details.issues.join("; ")})`,
      cause: details.cause,
    });
    this.operation = details.operation;
    this.issues = details.issues;
    this.data = details.data;
  }
}
