import { brandError } from "@desk/errors";
import { ExtensionDataApiError } from "./api-error.js";

/**
 * Desk refused an extension-data call with 429 (its per-installation rate limit, spec 2.1) and the retries of
 * @desk/invoke-core did not get through. Turn on the client-side limiter (`rateLimit: true`) to wait instead.
 *
 * @example
 * try {
 *   await data.storage.get("k");
 * } catch (error) {
 *   if (ExtensionDataRateLimitError.isInstance(error)) console.log(`retry in ${error.retryAfterSeconds ?? "?"} s`);
 * }
 */
export class ExtensionDataRateLimitError extends ExtensionDataApiError {
  static override readonly brand: symbol = brandError(
    this,
    "@desk/extension-data/ExtensionDataRateLimitError",
  );
  /** Seconds Desk asked to wait (its `Retry-After`), when it said. */
  readonly retryAfterSeconds: number | undefined;

  constructor(details: {
    operation: string;
    data: unknown;
    retryAfterSeconds: number | undefined;
    cause?: unknown;
  }) {
    super({ ...details, status: 429 });
    this.retryAfterSeconds = details.retryAfterSeconds;
  }
}
