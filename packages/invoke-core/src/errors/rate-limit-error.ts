import { brandError } from "./brand-error.js";
import { DeskApiError } from "./desk-api-error.js";

/**
 * The invoke API's own rate limit was hit (`RATE_LIMIT_EXCEEDED`, 429). Retried for idempotent methods after
 * `retryAfter` seconds (capped by `retry.maxRetryAfter`).
 *
 * @example
 * if (RateLimitError.isInstance(error)) setTimeout(again, (error.retryAfter ?? 60) * 1000);
 */
export class RateLimitError extends DeskApiError {
  static override readonly brand: symbol = brandError(this, "RateLimitError");
  /** Seconds to wait, from `Retry-After` (seconds or an HTTP date); undefined when Desk sent none. */
  declare readonly retryAfter: number | undefined;
}
