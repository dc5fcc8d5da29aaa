export {
  ADMIN_BODY_LIMIT_BYTES,
  ADMIN_TOKEN_ENV,
  type CallbackOrgId,
  CHANNEL_IMPORT_LIMITS,
  DASHBOARD_LIMITS,
  DEFAULT_CALLBACK_ORG_ID,
  DEFAULT_DB_PATH,
  DEFAULT_EXTENSION_NAME,
  DEFAULT_IMPORT_CHANNEL,
  DEFAULT_RATE_LIMITS,
  DEFAULT_TARGET_TIMEOUT_MS,
  DESK_EMPTY_LIST_STATUS,
  DESK_LIST_LIMITS,
  DESK_ORIGINS,
  EMULATOR_VERSION,
  FIRST_TICKET_NUMBER,
  FOLLOW_REDIRECTS_INTO_DESK,
  INVOKE_BODY_LIMIT_BYTES,
  KEY_ENV,
  KEY_FILE_SUFFIX,
  LOG_GROUP_MAX_ENTRIES,
  LOG_LIMITS,
  LOG_TTL_MS,
  MASKED_CONFIG_VALUE,
  MAX_REDIRECTS,
  MY_PERMISSIONS_PATH,
  OUTGOING_USER_AGENT,
  RATE_LIMIT_WINDOW_MS,
  STORAGE_LIMITS,
  TARGET_RESPONSE_LIMIT_BYTES,
} from "./constants.js";
export type {
  CallbackOutcome,
  DeskDataCounts,
  Emulator,
  EmulatorInstallation,
  EmulatorOptions,
} from "./emulator-types.js";
export { EmulatorError } from "./errors/emulator-error.js";
export { EmulatorRequestError, type EmulatorRequestErrorFields } from "./errors/emulator-request-error.js";
export { ManifestError } from "./errors/manifest-error.js";
export type { InvokeEvent } from "./invoke/invoke-event.js";
export { checkDeskRules, formatDeskRuleWarning } from "./manifest/check-desk-rules.js";
export type { DeskRuleFinding } from "./manifest/desk-rules/finding.js";
export { loadManifestFile } from "./manifest/load-manifest-file.js";
export { loadResourcesFile } from "./manifest/load-resources-file.js";
export { type Manifest, manifestSchema } from "./manifest/manifest-schema.js";
export { type Resources, resourcesSchema } from "./manifest/resources-schema.js";
export { DEFAULT_PORT, startEmulator } from "./start-emulator.js";
