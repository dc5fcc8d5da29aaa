import type { InvokeClient } from "@desk/invoke-core";
import { type ConfigParams, createConfigParams } from "./config-params.js";
import { createLogs, type Logs } from "./logs.js";
import { createPermissions, type Permissions } from "./permissions.js";
import { createRateLimiter, type RateLimiter } from "./rate-limiter.js";
import { createStorage, type Storage } from "./storage.js";

/**
 * Options of {@link createExtensionData}.
 *
 * @example
 * const data = createExtensionData(client, { rateLimit: true, secureParams: ["trackerToken"] });
 */
export interface ExtensionDataOptions {
  /** Storage rate limiting: `true` for a limiter of spec 2.1's budgets, or a shared {@link RateLimiter}. Default off. */
  rateLimit?: boolean | RateLimiter;
  /** Config param names declared `"secure": true` in the manifest (reported masked). */
  secureParams?: readonly string[];
}

/**
 * The four extension-data APIs of one installation.
 *
 * @example
 * const { storage, config, logs, permissions }: ExtensionData = createExtensionData(client);
 */
export interface ExtensionData {
  storage: Storage;
  config: ConfigParams;
  logs: Logs;
  permissions: Permissions;
}

/**
 * Storage, config params, logs and my permissions for the installation `client` acts for (its securityContext).
 *
 * @example
 * const client = createInvokeClient({ secret, orgId, securityContext });
 * const data = createExtensionData(client, { rateLimit: true });
 * await data.storage.set("ticket:42", { state: "open" });
 * await data.logs.add({ title: "stored", description: "ticket 42" });
 */
export function createExtensionData(client: InvokeClient, options: ExtensionDataOptions = {}): ExtensionData {
  const rateLimit = options.rateLimit === true ? createRateLimiter() : options.rateLimit;
  return {
    storage: createStorage(client, rateLimit === undefined ? {} : { rateLimit }),
    config: createConfigParams(client, options.secureParams ? { secureParams: options.secureParams } : {}),
    logs: createLogs(client),
    permissions: createPermissions(client),
  };
}
