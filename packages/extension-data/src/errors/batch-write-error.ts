import { brandError } from "@desk/errors";
import { ExtensionDataError } from "./extension-data-error.js";

/**
 * One add call of `storage.setMany` failed. Batches before it were written, the failed one and those after it
 * were not (or not knowingly); the cause is the error of the failed call.
 *
 * @example
 * try {
 *   await data.storage.setMany(items);
 * } catch (error) {
 *   if (BatchWriteError.isInstance(error)) {
 *     console.log(`batch ${error.batchIndex} failed; written: ${error.writtenKeys.join(",")}`);
 *   }
 * }
 */
export class BatchWriteError extends ExtensionDataError {
  static override readonly brand: symbol = brandError(this, "@desk/extension-data/BatchWriteError");
  /** Zero-based index of the failed batch. */
  readonly batchIndex: number;
  readonly batchCount: number;
  /** Keys of the batches that were written before the failure, in order. */
  readonly writtenKeys: readonly string[];
  /** Keys of the failed batch and every later one. */
  readonly unwrittenKeys: readonly string[];

  constructor(details: {
    batchIndex: number;
    batchCount: number;
    writtenKeys: readonly string[];
    unwrittenKeys: readonly string[];
    cause: unknown;
  }) {
    const reason = details.cause instanceof Error ? `: ${details.cause.message}` : "";
    super({
      message: `storage.setMany: batch ${details.batchIndex + 1} of ${details.batchCount} failed after ${details.writtenKeys.length} items were written${reason}`,
      cause: details.cause,
    });
    this.batchIndex = details.batchIndex;
    this.batchCount = details.batchCount;
    this.writtenKeys = details.writtenKeys;
    this.unwrittenKeys = details.unwrittenKeys;
  }
}
