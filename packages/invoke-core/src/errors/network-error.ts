import { brandError } from "./brand-error.js";
import { DeskError } from "./desk-error.js";

/**
 * The invoke call failed before Desk answered (DNS, refused connection, reset). `cause` is a copy of the runtime's error
 * (name, message, `code`, ... and its own `cause`), never an object that holds the request.
 * Retried for idempotent target methods.
 *
 * @example
 * if (NetworkError.isInstance(error)) console.error("Desk unreachable:", error.cause);
 */
export class NetworkError extends DeskError {
  static override readonly brand: symbol = brandError(this, "NetworkError");

  constructor(cause: unknown) {
    super("no answer from Desk (see cause)", {}, cause);
  }
}
