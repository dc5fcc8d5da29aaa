// The REST paths of the extension-data APIs (spec 2), appended to the client's Desk origin. The installation id is
// never known to the extension: Desk substitutes the placeholder.

/**
 * Storage API path (spec 2.1).
 *
 * @example
 * const url = `${client.deskOrigin}${STORAGE_PATH}`;
 */
export const STORAGE_PATH = "/api/v1/installedExtensions/{{installationId}}/storage";

/**
 * Config params API path (spec 2.2).
 *
 * @example
 * const url = `${client.deskOrigin}${CONFIG_PARAMS_PATH}`;
 */
export const CONFIG_PARAMS_PATH = "/api/v1/installedExtensions/{{installationId}}/configParams";

/**
 * Log API path (spec 2.3); the installation id goes in the body instead.
 *
 * @example
 * const url = `${client.deskOrigin}${EXTENSION_LOGS_PATH}`;
 */
export const EXTENSION_LOGS_PATH = "/api/v1/extensionLogs";

/**
 * My custom permissions API path. Not published by Zoho: this is the project's decision (spec 2.4), kept in this
 * one constant so it can change.
 *
 * @example
 * const url = `${client.deskOrigin}${MY_PERMISSIONS_PATH}`;
 */
export const MY_PERMISSIONS_PATH = "/api/v1/installedExtensions/{{installationId}}/myPermissions";
