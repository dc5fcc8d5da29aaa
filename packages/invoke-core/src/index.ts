export { DeskError, type DeskErrorOptions } from "@desk/errors";
export { buildInvokeForm, type InvokeForm } from "./build-invoke-form.js";
export { createInvokeClient } from "./create-invoke-client.js";
export { DATA_CENTERS, type DataCenter } from "./data-centers.js";
export { DeskApiError, type DeskApiErrorInit } from "./errors/desk-api-error.js";
export { DomainNotWhitelistedError } from "./errors/domain-not-whitelisted-error.js";
export { InvalidConnectionError } from "./errors/invalid-connection-error.js";
export { InvalidHashError } from "./errors/invalid-hash-error.js";
export { InvalidSecurityContextError } from "./errors/invalid-security-context-error.js";
export { InvokeError } from "./errors/invoke-error.js";
export { InvokePlaceholderError } from "./errors/invoke-placeholder-error.js";
export { InvokeValidationError } from "./errors/invoke-validation-error.js";
export { NetworkError } from "./errors/network-error.js";
export { PayloadTooLargeError } from "./errors/payload-too-large-error.js";
export { RateLimitError } from "./errors/rate-limit-error.js";
export { TargetError } from "./errors/target-error.js";
export { TargetTimeoutError } from "./errors/target-timeout-error.js";
export { TargetUnreachableError } from "./errors/target-unreachable-error.js";
export { TimeoutError } from "./errors/timeout-error.js";
export { parseInvokeResponse } from "./parse-invoke-response.js";
export { parseRetryAfter } from "./parse-retry-after.js";
export type {
  InvokeClient,
  InvokeClientOptions,
  InvokeMethod,
  InvokeQueryValue,
  InvokeRequest,
  InvokeResult,
  RetryOptions,
  RetryState,
} from "./types.js";
