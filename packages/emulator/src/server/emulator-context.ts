import type { Manifest } from "../manifest/manifest-schema.js";
import type { Resources } from "../manifest/resources-schema.js";
import type { SecurityContextSealer } from "../security/security-context-sealer.js";
import type { Stores } from "../store/create-stores.js";
import type { RateLimiter } from "./rate-limiter.js";

/** Everything a request handler needs, built once by startEmulator. */
export interface EmulatorContext {
  manifest: Manifest;
  resources: Resources;
  stores: Stores;
  sealer: SecurityContextSealer;
  rateLimiter: RateLimiter;
  now: () => number;
  connections: Readonly<Record<string, { token: string }>>;
  targetTimeoutMs: number;
}
