import { assertKnownKeys, invalid, isCount, isNumber, isObject } from "./check-fields.js";
import { INVOKE_METHODS, isMethod } from "./invoke-rules.js";

const RETRY_KEYS: ReadonlySet<string> = new Set([
  "limit",
  "methods",
  "statusCodes",
  "maxRetryAfter",
  "delay",
  "shouldRetry",
]);

/** The names of the options a client sets as defaults and a call may override. */
export const CALL_OPTION_KEYS = ["retry", "throwOnTargetError", "timeout", "allowNearMisses"] as const;

function checkBoolean(value: unknown, field: string): void {
  if (value !== undefined && typeof value !== "boolean") throw invalid(field, "must be a boolean");
}

function checkList(
  value: unknown,
  field: string,
  isItem: (item: unknown) => boolean,
  itemRule: string,
): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) throw invalid(field, "must be a list");
  value.forEach((item, index) => {
    if (!isItem(item)) throw invalid(`${field}.${index}`, itemRule);
  });
}

function checkRetry(retry: unknown): void {
  if (typeof retry === "number") {
    if (!isCount(retry)) throw invalid("retry", "must be a whole number of retries, 0 or more");
    return;
  }
  if (!isObject(retry)) throw invalid("retry", "must be a number of retries or retry options");
  const { limit, methods, statusCodes, maxRetryAfter, delay, shouldRetry } = retry;
  if (limit !== undefined && !isCount(limit))
    throw invalid("retry.limit", "must be a whole number, 0 or more");
  checkList(methods, "retry.methods", isMethod, `must be one of ${INVOKE_METHODS.join(", ")}`);
  checkList(statusCodes, "retry.statusCodes", Number.isSafeInteger, "must be a whole number");
  if (maxRetryAfter !== undefined && !(isNumber(maxRetryAfter) && maxRetryAfter >= 0)) {
    throw invalid("retry.maxRetryAfter", "must be a number of ms, 0 or more");
  }
  if (delay !== undefined && typeof delay !== "function") throw invalid("retry.delay", "must be a function");
  if (shouldRetry !== undefined && typeof shouldRetry !== "function") {
    throw invalid("retry.shouldRetry", "must be a function");
  }
  assertKnownKeys(retry, RETRY_KEYS, "retry");
}

/**
 * Checks the options a client sets as defaults and a call may override (`retry`, `throwOnTargetError`, `timeout`,
 * `allowNearMisses`); throws `InvokeValidationError` naming the field and the rule.
 *
 * @example
 * checkCallOptions({ timeout: -1 }); // throws: invalid timeout: must be a positive number of ms
 */
export function checkCallOptions(options: Record<string, unknown>): void {
  const { retry, throwOnTargetError, timeout, allowNearMisses } = options;
  if (retry !== undefined) checkRetry(retry);
  checkBoolean(throwOnTargetError, "throwOnTargetError");
  if (timeout !== undefined && !(isNumber(timeout) && timeout > 0)) {
    throw invalid("timeout", "must be a positive number of ms");
  }
  checkBoolean(allowNearMisses, "allowNearMisses");
}
