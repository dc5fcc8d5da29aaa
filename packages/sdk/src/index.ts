export { DeskError, type DeskErrorOptions } from "@desk/errors";
// storage, config, logs, permissions (@desk/extension-data)
export {
  BatchWriteError,
  type CallOptions,
  type ConfigParam,
  type ConfigParams,
  type ConfigParamsOptions,
  createMemoryRateLimitBackend,
  DEFAULT_QUERIABLE_VALUE,
  ExtensionDataApiError,
  ExtensionDataError,
  type ExtensionDataOptions,
  ExtensionDataRateLimitError,
  ExtensionDataResponseError,
  ExtensionDataValidationError,
  LOG_GROUP_MAX_ENTRIES,
  type LogEntry,
  type LogGroup,
  LogGroupFullError,
  type LogInput,
  type Logs,
  type MemoryRateLimitBackendOptions,
  type Permission,
  type Permissions,
  type RateLimitBackend,
  type RateLimiter,
  type RateLimiterOptions,
  type RateLimitGrant,
  type RateLimitKind,
  type RateLimitRequest,
  STORAGE_LIMITS,
  STORAGE_RATE_LIMITS,
  type StandardResult,
  type StandardSchema,
  type Storage,
  type StorageEntry,
  type StorageItem,
  type StorageIterateOptions,
  type StorageOptions,
  type StoragePage,
  type StorageQuery,
  type StorageSetOptions,
  type StorageValue,
  StoredValueSchemaError,
  UnknownPermissionError,
  type ValidationRule,
} from "@desk/extension-data";
// hash results (@desk/hash)
export {
  DeskHashError,
  HashVerificationError,
  type RawBody,
  type Secrets,
  type VerifyFailureReason,
  type VerifyResult,
} from "@desk/hash";
// What a user of the layers below touches, re-exported by name so `@desk/sdk` is the one dependency.
// invoke (@desk/invoke-core)
export {
  DATA_CENTERS,
  type DataCenter,
  DeskApiError,
  DomainNotWhitelistedError,
  InvalidConnectionError,
  InvalidHashError,
  InvalidSecurityContextError,
  type InvokeClient,
  type InvokeClientOptions,
  InvokeError,
  type InvokeMethod,
  InvokePlaceholderError,
  type InvokeQueryValue,
  type InvokeRequest,
  type InvokeResult,
  InvokeValidationError,
  NetworkError,
  PayloadTooLargeError,
  RateLimitError,
  type RetryOptions,
  type RetryState,
  TargetError,
  TargetTimeoutError,
  TargetUnreachableError,
  TimeoutError,
} from "@desk/invoke-core";
// placeholders in invoke requests (@desk/placeholders)
export {
  PlaceholderError,
  type PlaceholderLocation,
  PlaceholderLocationError,
  PlaceholderSyntaxError,
  PlaceholderValueError,
  placeholder,
  UnknownPlaceholderError,
} from "@desk/placeholders";
export { CALLBACK_EVENT_ALIASES, CALLBACK_EVENTS, type CallbackEventType } from "./callback-events.js";
export {
  type CallbackHandlerOptions,
  type CallbackHook,
  type CallbackHooks,
  createCallbackHandler,
} from "./create-callback-handler.js";
export { createDesk } from "./create-desk.js";
export { createMemoryInstallationStore } from "./create-memory-installation-store.js";
export { CallbackPayloadError } from "./errors/callback-payload-error.js";
export { CallbackVerificationError } from "./errors/callback-verification-error.js";
export { DeskSdkError } from "./errors/desk-sdk-error.js";
export { InstallationStoreError } from "./errors/installation-store-error.js";
export { NotInstalledError } from "./errors/not-installed-error.js";
export { SdkOptionsError } from "./errors/sdk-options-error.js";
export type { InstallationPage, InstallationStore, ListInstallationsOptions } from "./installation-store.js";
export { iterateInstallations } from "./iterate-installations.js";
export {
  createInstallationStore,
  type InstallationStoreOptions,
} from "./stores/create-installation-store.js";
export type { InstallationRow, InstallationRows } from "./stores/installation-rows.js";
export type { InstallationStoreEncryption } from "./stores/sealer.js";
export type {
  CallbackEvent,
  Callbacks,
  CreateDeskOptions,
  Desk,
  Installation,
  InstallationRecord,
} from "./types.js";
