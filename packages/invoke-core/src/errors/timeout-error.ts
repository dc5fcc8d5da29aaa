import { brandError } from "@desk/errors";
import { InvokeError } from "./invoke-error.js";

/**
 * The invoke call (all attempts and the waits between them) took longer than `timeout` ms.
 *
 * @example
 * if (TimeoutError.isInstance(error)) console.error(`gave up after ${error.timeout} ms`);
 */
export class TimeoutError extends InvokeError {
  static override readonly brand: symbol = brandError(this, "@desk/invoke-core/TimeoutError");
  /** The total timeout in ms. */
  readonly timeout: number;

  constructor({ timeout, cause }: { timeout: number; cause?: unknown }) {
    super({ message: `timed out after ${timeout} ms`, cause });
    this.timeout = timeout;
  }
}
