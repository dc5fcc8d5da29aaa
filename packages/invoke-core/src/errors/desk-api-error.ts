import { brandError } from "./brand-error.js";
import { DeskError } from "./desk-error.js";

/**
 * What Desk answered when it refused an invoke call (spec 1.3).
 *
 * @example
 * new RateLimitError({ status: 429, errorCode: "RATE_LIMIT_EXCEEDED", retryAfter: 30 } satisfies DeskApiErrorInit);
 */
export interface DeskApiErrorInit {
  /** HTTP status of the invoke call itself. */
  status: number;
  /** Desk's `errorCode`, e.g. `"INVALID_HASH"`; absent when the answer had none. */
  errorCode?: string | undefined;
  /** Desk's `message` (secrets already scrubbed). */
  detail?: string | undefined;
  /** Seconds from `Retry-After`, kept by `RateLimitError`. */
  retryAfter?: number | undefined;
  cause?: unknown;
}

/**
 * Desk refused the invoke call itself (a non-200 answer). Every known `errorCode` has its own subclass
 * (`InvalidHashError`, `RateLimitError`, ...); a `DeskApiError` that is none of them is an error code this
 * package does not know. `DeskApiError.isInstance` is true for all of them.
 *
 * @example
 * if (DeskApiError.isInstance(error)) console.error(error.status, error.errorCode);
 */
export class DeskApiError extends DeskError {
  static override readonly brand: symbol = brandError(this, "DeskApiError");
  /** HTTP status of the invoke call. */
  declare readonly status: number;
  /** Desk's `errorCode`, if the answer had one. */
  declare readonly errorCode: string | undefined;

  constructor({ status, errorCode, detail, retryAfter, cause }: DeskApiErrorInit) {
    super(
      `Desk answered ${status} ${errorCode ?? ""} ${detail ?? ""}`,
      { status, errorCode, retryAfter },
      cause,
    );
  }
}
