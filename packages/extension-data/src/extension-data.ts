import type { InvokeClient } from "@desk/invoke-core";
import { type ConfigParams, createConfigParams } from "./config-params.js";
import { createLogs, type Logs } from "./logs.js";
import { createPermissions, type Permissions } from "./permissions.js";
import { createRateLimiter, type RateLimiter, type RateLimiterOptions } from "./rate-limiter.js";
import { createStorage, type Storage } from "./storage.js";

/**
 * Options of {@link createExtensionData}.
 *
 * @example
 * const data = createExtensionData(client, { rateLimit: true, secureParams: ["trackerToken"] });
 */
export interface ExtensionDataOptions {
  /**
   * Storage rate limiting: `true` for an in-memory limiter of spec 2.1's budgets, {@link RateLimiterOptions} for one
   * made with them (with `backend`, keyed by the client's orgId, so processes sharing the backend share the budget),
   * or a ready {@link RateLimiter}. Default off.
   */
  rateLimit?: boolean | RateLimiter | RateLimiterOptions;
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
  const rateLimit = limiterOf(options.rateLimit, client.orgId);
  return {
    storage: createStorage(client, rateLimit === undefined ? {} : { rateLimit }),
    config: createConfigParams(client, options.secureParams ? { secureParams: options.secureParams } : {}),
    logs: createLogs(client),
    permissions: createPermissions(client),
  };
}

function limiterOf(option: ExtensionDataOptions["rateLimit"], orgId: string): RateLimiter | undefined {
  if (option === true) return createRateLimiter();
  if (option === false || option === undefined) return undefined;
  if ("schedule" in option) return option;
  return createRateLimiter({ ...(option.backend && { key: orgId }), ...option });
}
