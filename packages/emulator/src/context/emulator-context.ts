import type { CallbackOrgId } from "../constants.js";
import type { OutgoingAgents } from "../http/outgoing-agents.js";
import type { Manifest } from "../manifest/manifest-schema.js";
import type { Resources } from "../manifest/resources-schema.js";
import type { SecurityContextSealer } from "../security/security-context-sealer.js";
import type { Stores } from "../store/create-stores.js";
import type { RateLimiter } from "./rate-limiter.js";

/** Everything a request handler needs, built once by startEmulator; shared by every layer below the server. */
export interface EmulatorContext {
  manifest: Manifest;
  /** The manifest's secret; undefined when it has none (invoke calls are then refused, callbacks not sent). */
  secret: string | undefined;
  /** extensionName in log answers: the `name` option, else the manifest's `name`, else DEFAULT_EXTENSION_NAME. */
  extensionName: string;
  resources: Resources;
  stores: Stores;
  sealer: SecurityContextSealer;
  rateLimiter: RateLimiter;
  now: () => number;
  connections: Readonly<Record<string, { token: string }>>;
  targetTimeoutMs: number;
  /** The connection pools of forwarded calls and callbacks, destroyed by `close()`. */
  agents: OutgoingAgents;
  /** How callbacks send `orgId` (the `callbackOrgId` option). */
  callbackOrgId: CallbackOrgId;
  /** When set, the admin API and dashboard need `Authorization: Bearer <adminToken>`. */
  adminToken: string | undefined;
}
