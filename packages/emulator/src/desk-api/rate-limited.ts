import { EmulatorRequestError } from "../errors/emulator-request-error.js";

/** 429 with Retry-After, for the storage limits of spec 2.1 and the log limit (inside the invoke answer's 200). */
export function rateLimited(retryAfterSeconds: number, what: string): EmulatorRequestError {
  return new EmulatorRequestError({
    status: 429,
    errorCode: "RATE_LIMIT_EXCEEDED",
    message: `the ${what} rate limit for this installation is reached`,
    retryAfterSeconds,
  });
}
