export { checkStorageKey } from "./check-storage-key.js";
export { checkStorageValue } from "./check-storage-value.js";
export {
  type ConfigParam,
  type ConfigParams,
  type ConfigParamsOptions,
  createConfigParams,
  MASKED_VALUE_PATTERN,
} from "./config-params.js";
export { ExtensionDataApiError } from "./errors/api-error.js";
export { BatchWriteError } from "./errors/batch-write-error.js";
export { ExtensionDataError } from "./errors/extension-data-error.js";
export { LogGroupFullError } from "./errors/log-group-full-error.js";
export { ExtensionDataRateLimitError } from "./errors/rate-limit-error.js";
export { ExtensionDataResponseError } from "./errors/response-error.js";
export { StoredValueSchemaError } from "./errors/schema-error.js";
export { UnknownPermissionError } from "./errors/unknown-permission-error.js";
export { ExtensionDataValidationError, type ValidationRule } from "./errors/validation-error.js";
export { createExtensionData, type ExtensionData, type ExtensionDataOptions } from "./extension-data.js";
export {
  DEFAULT_QUERIABLE_VALUE,
  LOG_GROUP_MAX_ENTRIES,
  STORAGE_LIMITS,
  STORAGE_RATE_LIMITS,
} from "./limits.js";
export { createLogs, type LogEntry, type LogGroup, type LogInput, type Logs } from "./logs.js";
export { CONFIG_PARAMS_PATH, EXTENSION_LOGS_PATH, MY_PERMISSIONS_PATH, STORAGE_PATH } from "./paths.js";
export { createPermissions, type Permission, type Permissions } from "./permissions.js";
export {
  createMemoryRateLimitBackend,
  type MemoryRateLimitBackendOptions,
  type RateLimitBackend,
  type RateLimitGrant,
  type RateLimitRequest,
} from "./rate-limit-backend.js";
export {
  createRateLimiter,
  type RateLimiter,
  type RateLimiterOptions,
  type RateLimitKind,
} from "./rate-limiter.js";
export type { StandardResult, StandardSchema } from "./standard-schema.js";
export {
  type CallOptions,
  createStorage,
  type Storage,
  type StorageEntry,
  type StorageItem,
  type StorageIterateOptions,
  type StorageOptions,
  type StoragePage,
  type StorageQuery,
  type StorageSetOptions,
  type StorageValue,
} from "./storage.js";
