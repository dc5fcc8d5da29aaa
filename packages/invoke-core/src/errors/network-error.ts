import { brandError } from "@desk/errors";
import { InvokeError } from "./invoke-error.js";

/**
 * The invoke call failed before Desk answered (DNS, refused connection, reset). `cause` is a copy of the runtime's error
 * (name, message, `code`, ... and its own `cause`), never an object that holds the request.
 * Retried for idempotent target methods.
 *
 * @example
 * if (NetworkError.isInstance(error)) console.error("Desk unreachable:", error.cause);
 */
export class NetworkError extends InvokeError {
  static override readonly brand: symbol = brandError(this, "@desk/invoke-core/NetworkError");

  constructor({ cause }: { cause: unknown }) {
    super({ message: "no answer from Desk (see cause)", cause });
  }
}
