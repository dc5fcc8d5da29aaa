import { brandError } from "@desk/errors";
import { InvokeError } from "./invoke-error.js";

/**
 * What Desk answered when it refused an invoke call (spec 1.3).
 *
 * @example
 * new RateLimitError({ status: 429, errorCode: "RATE_LIMIT_EXCEEDED", retryAfterSeconds: 30 } satisfies DeskApiErrorInit);
 */
export interface DeskApiErrorInit {
  /** HTTP status of the invoke call itself. */
  status: number;
  /** Desk's `errorCode`, e.g. `"INVALID_HASH"`; absent when the answer had none. */
  errorCode?: string | undefined;
  /** Desk's `message` (secrets already scrubbed). */
  detail?: string | undefined;
  /** Seconds from `Retry-After`, kept by `RateLimitError`. */
  retryAfterSeconds?: number | undefined;
  cause?: unknown;
}

/**
 * Desk refused the invoke call itself (a non-200 answer). Every known `errorCode` has its own subclass
 * (`InvalidHashError`, `RateLimitError`, ...); a `DeskApiError` that is none of them is an error code this
 * package does not know. `DeskApiError.isInstance` is true for all of them.
 *
 * @example
 * if (DeskApiError.isInstance(error)) console.error(error.status, error.errorCode, error.detail);
 */
export class DeskApiError extends InvokeError {
  static override readonly brand: symbol = brandError(this, "@desk/invoke-core/DeskApiError");
  /** HTTP status of the invoke call. */
  readonly status: number;
  /** Desk's `errorCode`, if the answer had one. */
  readonly errorCode: string | undefined;
  /** Desk's own `message` (secrets scrubbed), if the answer had one. */
  readonly detail: string | undefined;

  constructor({ status, errorCode, detail, cause }: DeskApiErrorInit) {
    super({
      message: `Desk answered ${status}${errorCode ? ` ${errorCode}` : ""}${detail ? `: ${detail}` : ""}`,
      cause,
    });
    this.status = status;
    this.errorCode = errorCode;
    this.detail = detail;
  }
}
