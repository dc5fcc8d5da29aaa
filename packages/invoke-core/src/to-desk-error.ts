import { isObject } from "./check-fields.js";
import { DeskApiError, type DeskApiErrorInit } from "./errors/desk-api-error.js";
import { DomainNotWhitelistedError } from "./errors/domain-not-whitelisted-error.js";
import { InvalidConnectionError } from "./errors/invalid-connection-error.js";
import { InvalidHashError } from "./errors/invalid-hash-error.js";
import { InvalidSecurityContextError } from "./errors/invalid-security-context-error.js";
import type { InvokeError } from "./errors/invoke-error.js";
import { InvokePlaceholderError } from "./errors/invoke-placeholder-error.js";
import { InvokeValidationError } from "./errors/invoke-validation-error.js";
import { PayloadTooLargeError } from "./errors/payload-too-large-error.js";
import { RateLimitError } from "./errors/rate-limit-error.js";
import { TargetTimeoutError } from "./errors/target-timeout-error.js";
import { TargetUnreachableError } from "./errors/target-unreachable-error.js";
import { parseJson } from "./parse-json.js";
import { parseRetryAfter } from "./parse-retry-after.js";

// Spec 1.3 [decision]: Desk's errorCode -> error class, in one place.
const DESK_ERRORS = new Map<string, new (init: DeskApiErrorInit) => DeskApiError>([
  ["INVALID_HASH", InvalidHashError],
  ["INVALID_SECURITY_CONTEXT", InvalidSecurityContextError],
  ["DOMAIN_NOT_WHITELISTED", DomainNotWhitelistedError],
  ["INVALID_CONNECTION", InvalidConnectionError],
  ["RATE_LIMIT_EXCEEDED", RateLimitError],
  ["TARGET_UNREACHABLE", TargetUnreachableError],
  ["TARGET_TIMEOUT", TargetTimeoutError],
  ["PAYLOAD_TOO_LARGE", PayloadTooLargeError],
]);

interface DeskErrorBody {
  errorCode: string;
  message?: string;
  fieldName?: string;
  placeholder?: string;
}

const isOptionalText = (value: unknown) => value === undefined || typeof value === "string";

/** Desk's error body when it has `DeskErrorBodySchema`'s shape (./schemas), else undefined. */
export function errorBodyOf(value: unknown): DeskErrorBody | undefined {
  if (!isObject(value) || typeof value.errorCode !== "string") return undefined;
  const { message, fieldName, placeholder } = value;
  return isOptionalText(message) && isOptionalText(fieldName) && isOptionalText(placeholder)
    ? (value as unknown as DeskErrorBody)
    : undefined;
}

/**
 * Maps Desk's refusal of an invoke call (a non-200 answer) to its typed error. `scrub` removes secrets from
 * Desk's message before it reaches the error.
 *
 * @example
 * toDeskError(401, '{"errorCode":"INVALID_HASH"}', null, (text) => text); // InvalidHashError
 */
export function toDeskError(
  status: number,
  text: string,
  retryAfterHeader: string | null,
  scrub: (text: string) => string,
): InvokeError {
  const body = errorBodyOf(parseJson(text));
  // Without an errorCode (a proxy in between) it stays a DeskApiError; retries still go by its status.
  const errorCode = body?.errorCode;
  const detail = body?.message && scrub(body.message);
  if (errorCode === "UNPROCESSABLE_ENTITY") {
    return new InvokeValidationError({ field: body?.fieldName ?? "form", rule: detail ?? errorCode, status });
  }
  if (errorCode === "INVALID_PLACEHOLDER") {
    return new InvokePlaceholderError({
      placeholder: body?.placeholder ?? "",
      rule: errorCode,
      message: detail ?? errorCode,
      status,
    });
  }
  const Kind = (errorCode && DESK_ERRORS.get(errorCode)) || DeskApiError;
  return new Kind({ status, errorCode, detail, retryAfterSeconds: parseRetryAfter(retryAfterHeader) });
}
