import { brandError } from "@desk/errors";
import { DeskApiError, type DeskApiErrorInit } from "./desk-api-error.js";

/**
 * The invoke API's own rate limit was hit (`RATE_LIMIT_EXCEEDED`, 429). Retried for idempotent methods after
 * `retryAfterSeconds` seconds (capped by `retry.maxRetryAfter`).
 *
 * @example
 * if (RateLimitError.isInstance(error)) setTimeout(again, (error.retryAfterSeconds ?? 60) * 1000);
 */
export class RateLimitError extends DeskApiError {
  static override readonly brand: symbol = brandError(this, "@desk/invoke-core/RateLimitError");
  /** Seconds to wait, from `Retry-After` (seconds or an HTTP date); undefined when Desk sent none. */
  readonly retryAfterSeconds: number | undefined;

  constructor(init: DeskApiErrorInit) {
    super(init);
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}
