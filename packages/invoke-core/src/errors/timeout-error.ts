import { brandError } from "./brand-error.js";
import { DeskError } from "./desk-error.js";

/**
 * The invoke call (all attempts and the waits between them) took longer than `timeout` ms.
 *
 * @example
 * if (TimeoutError.isInstance(error)) console.error(`gave up after ${error.timeout} ms`);
 */
export class TimeoutError extends DeskError {
  static override readonly brand: symbol = brandError(this, "TimeoutError");
  /** The total timeout in ms. */
  declare readonly timeout: number;

  constructor(timeout: number) {
    super(`timed out after ${timeout} ms`, { timeout });
  }
}
