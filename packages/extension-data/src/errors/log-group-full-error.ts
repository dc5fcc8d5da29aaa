import { brandError } from "@desk/errors";
import { ExtensionDataError } from "./extension-data-error.js";

/**
 * A log group already holds the most entries one reference may have (1 parent + 9 sub logs, spec 2.3); the entry
 * was refused client-side and nothing was sent.
 *
 * @example
 * const group = data.logs.group();
 * try {
 *   await group.add({ title: "step", description: "..." });
 * } catch (error) {
 *   if (LogGroupFullError.isInstance(error)) console.log(error.reference, error.max); // start a new group
 * }
 */
export class LogGroupFullError extends ExtensionDataError {
  static override readonly brand: symbol = brandError(this, "@desk/extension-data/LogGroupFullError");
  readonly reference: string;
  /** Entries one reference may hold. */
  readonly max: number;

  constructor(details: { reference: string; max: number }) {
    super({
      message: `logs: group "${details.reference}" already has ${details.max} entries, the most one reference may hold (1 parent + ${details.max - 1} sub logs); start a new group`,
    });
    this.reference = details.reference;
    this.max = details.max;
  }
}
