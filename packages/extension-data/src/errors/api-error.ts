import { brandError } from "@desk/errors";
import { ExtensionDataError } from "./extension-data-error.js";

/**
 * Desk answered an extension-data call with a non-2xx status (the target status inside the invoke answer).
 * Carries Desk's `errorCode` and `message` when its body had them.
 *
 * @example
 * try {
 *   await data.storage.set("k", { a: 1 });
 * } catch (error) {
 *   if (ExtensionDataApiError.isInstance(error)) console.log(error.status, error.errorCode, error.deskMessage);
 * }
 */
export class ExtensionDataApiError extends ExtensionDataError {
  static override readonly brand: symbol = brandError(this, "@desk/extension-data/ExtensionDataApiError");
  /** What was being done, e.g. "storage.set", "logs.add". */
  readonly operation: string;
  /** Desk's HTTP status for the extension-data call. */
  readonly status: number;
  /** Desk's `errorCode`, when the body had one. */
  readonly errorCode: string | undefined;
  /** Desk's own `message`, when the body had one. */
  readonly deskMessage: string | undefined;
  /** The parsed body of Desk's answer. */
  readonly data: unknown;

  constructor(details: { operation: string; status: number; data: unknown; cause?: unknown }) {
    const body = (typeof details.data === "object" && details.data !== null ? details.data : {}) as Record<
      string,
      unknown
    >;
    const errorCode = typeof body["errorCode"] === "string" ? body["errorCode"] : undefined;
    const deskMessage = typeof body["message"] === "string" ? body["message"] : undefined;
    super({
      message: `${details.operation} failed with status ${details.status}${errorCode ? ` ${errorCode}` : ""}${
        deskMessage ? `: ${deskMessage}` : ""
      }`,
      cause: details.cause,
    });
    this.operation = details.operation;
    this.status = details.status;
    this.errorCode = errorCode;
    this.deskMessage = deskMessage;
    this.data = details.data;
  }
}
