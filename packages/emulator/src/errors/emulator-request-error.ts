import { brandError } from "@desk/errors";
import { EmulatorError } from "./emulator-error.js";

const PREFIX = "@desk/emulator: ";

/** What an `EmulatorRequestError` carries besides its message. */
export interface EmulatorRequestErrorFields {
  /** The HTTP status the emulator answers with. */
  status: number;
  /** Desk's `errorCode`, e.g. `UNPROCESSABLE_ENTITY`. */
  errorCode: string;
  message: string;
  /** The field (form field, JSON field or header) at fault; sent as `fieldName`. */
  field?: string | undefined;
  /** The placeholder at fault (`INVALID_PLACEHOLDER`). */
  placeholder?: string | undefined;
  /** Seconds to wait before retrying (429); sent as `Retry-After`. */
  retryAfterSeconds?: number | undefined;
  /** Further response headers, e.g. `Allow` on a 405. */
  headers?: Readonly<Record<string, string>> | undefined;
  cause?: unknown;
}

/**
 * A refused request or operation, HTTPException-style: every route of the emulator (invoke, the in-process Desk, the
 * admin API) throws it, and one renderer (`errorResponse`) turns it into `{errorCode, message, fieldName?}` with its
 * status. The programmatic API throws it too (unknown installation, unknown config param, ...).
 *
 * @example
 * try { await emulator.uninstall("nope"); }
 * catch (error) { if (EmulatorRequestError.isInstance(error)) console.error(error.status, error.errorCode); }
 */
export class EmulatorRequestError extends EmulatorError {
  static override readonly brand: symbol = brandError(this, "@desk/emulator/EmulatorRequestError");

  readonly status: number;
  readonly errorCode: string;
  readonly field: string | undefined;
  readonly placeholder: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly headers: Readonly<Record<string, string>>;

  constructor(fields: EmulatorRequestErrorFields) {
    super({ message: fields.message, cause: fields.cause });
    this.status = fields.status;
    this.errorCode = fields.errorCode;
    this.field = fields.field;
    this.placeholder = fields.placeholder;
    this.retryAfterSeconds = fields.retryAfterSeconds;
    this.headers = fields.headers ?? {};
  }

  /** The message as the wire carries it: without the package prefix. */
  get detail(): string {
    return this.message.startsWith(PREFIX) ? this.message.slice(PREFIX.length) : this.message;
  }

  /** The same error with every text that leaves (message, field, placeholder) passed through `mask`. */
  masked(mask: (text: string) => string): EmulatorRequestError {
    return new EmulatorRequestError({
      status: this.status,
      errorCode: this.errorCode,
      message: mask(this.detail),
      field: this.field === undefined ? undefined : mask(this.field),
      placeholder: this.placeholder === undefined ? undefined : mask(this.placeholder),
      retryAfterSeconds: this.retryAfterSeconds,
      headers: this.headers,
    });
  }
}

/**
 * 422 UNPROCESSABLE_ENTITY naming the field and the rule: the most common refusal.
 *
 * @example
 * throw unprocessable("requestURL", "requestURL is required");
 */
export function unprocessable(field: string, message: string): EmulatorRequestError {
  return new EmulatorRequestError({ status: 422, errorCode: "UNPROCESSABLE_ENTITY", message, field });
}
