import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import {
  DEFAULT_CALLBACK_ORG_ID,
  DEFAULT_DB_PATH,
  DEFAULT_EXTENSION_NAME,
  DEFAULT_RATE_LIMITS,
  DEFAULT_TARGET_TIMEOUT_MS,
} from "./constants.js";
import type { EmulatorContext } from "./context/emulator-context.js";
import { RateLimiter } from "./context/rate-limiter.js";
import { resetDeskData } from "./desk-data/reset-desk-data.js";
import type { Emulator, EmulatorOptions } from "./emulator-types.js";
import { createOutgoingAgents } from "./http/outgoing-agents.js";
import { InstallationService } from "./installations/installation-service.js";
import { formatDeskRuleWarning } from "./manifest/check-desk-rules.js";
import { loadExtension } from "./manifest/load-extension.js";
import { loadKeyMaterial } from "./security/load-key-material.js";
import { SecurityContextSealer } from "./security/security-context-sealer.js";
import { ValueSealer } from "./security/value-sealer.js";
import { createApp } from "./server/create-app.js";
import { listen } from "./server/listen.js";
import { createStores } from "./store/create-stores.js";

/**
 * Default port of a started emulator (the CLI's default too).
 *
 * @example
 * import { DEFAULT_PORT, startEmulator } from "@desk/emulator";
 * const emulator = await startEmulator({ manifest: "./plugin-manifest.json", port: DEFAULT_PORT });
 */
export const DEFAULT_PORT = 4100;

function rateLimitsOf(option: EmulatorOptions["rateLimits"]) {
  if (option === false) return {};
  if (option === true || option === undefined) return { ...DEFAULT_RATE_LIMITS };
  const given = Object.entries(option).filter(([, value]) => value !== undefined);
  return { ...DEFAULT_RATE_LIMITS, ...Object.fromEntries(given) };
}

/**
 * Starts a local Desk: loads the manifest and resources, opens the SQLite state, listens on 127.0.0.1. Throws
 * ManifestError naming file, field path and rule for what it cannot run with (with `strict`, for every rule of
 * Zoho's that fails); every other failed rule is one warning at start, in the words of `zet validate`.
 *
 * @example
 * import { startEmulator } from "@desk/emulator";
 * const emulator = await startEmulator({ manifest: "./plugin-manifest.json", port: 0, db: ":memory:" });
 * const { orgId, securityContext } = await emulator.install({ config: { trackerToken: "t0k" } });
 * // POST `${emulator.url}/api/v1/invoke?orgId=${orgId}` with a HASH signed by emulator.secret
 * await emulator.close();
 */
export async function startEmulator(options: EmulatorOptions): Promise<Emulator> {
  const { manifest, resources, warnings } = loadExtension(options);
  if (warnings.length > 0) {
    const text = formatDeskRuleWarning(warnings, { strict: options.strict === true });
    if (options.onWarning) options.onWarning(text, warnings);
    else process.emitWarning(text, { code: "DESK_EMULATOR_ZET_RULES" });
  }
  // An empty secret signs nothing Desk would accept: treated as none.
  const secret = typeof manifest.secret === "string" && manifest.secret !== "" ? manifest.secret : undefined;
  const extensionName =
    options.name ??
    (typeof manifest.name === "string" && manifest.name.trim() !== ""
      ? manifest.name
      : DEFAULT_EXTENSION_NAME);
  let clockMs = Date.now();
  let frozen = false;
  const now = options.now ?? (() => (frozen ? clockMs : Date.now()));
  const dbPath = options.db ?? DEFAULT_DB_PATH;
  if (dbPath !== ":memory:") mkdirSync(dirname(dbPath), { recursive: true });
  const keys = loadKeyMaterial(dbPath, process.env);
  const secureNames = new Set(
    (manifest.config ?? []).filter((param) => param.secure).map((param) => param.name),
  );
  const stores = createStores(dbPath, { names: secureNames, sealer: new ValueSealer(keys.valuesKey) });
  const agents = createOutgoingAgents();
  try {
    stores.meta.removeLegacyKey();
    stores.config.reseal();
    const context: EmulatorContext = {
      manifest,
      secret,
      extensionName,
      resources,
      stores,
      sealer: new SecurityContextSealer(keys.sealingKey),
      rateLimiter: new RateLimiter(rateLimitsOf(options.rateLimits), now),
      now,
      connections: options.connections ?? {},
      targetTimeoutMs: options.targetTimeoutMs ?? DEFAULT_TARGET_TIMEOUT_MS,
      agents,
      callbackOrgId: options.callbackOrgId ?? DEFAULT_CALLBACK_ORG_ID,
      adminToken: options.adminToken,
    };
    const service = new InstallationService(context);
    const listener = await listen(
      createApp(context, service, options.onInvoke),
      options.host ?? "127.0.0.1",
      options.port ?? DEFAULT_PORT,
    );
    let closed = false;
    const emulator: Emulator = {
      url: listener.url,
      secret,
      name: extensionName,
      warnings,
      now,
      install: (installOptions = {}) => service.install(installOptions),
      uninstall: async (installationId) => {
        await service.uninstall(installationId);
      },
      setConfig: async (installationId, values) => {
        await service.setConfig(installationId, values);
      },
      setPermissions: async (installationId, states) => {
        service.setPermissions(installationId, states);
      },
      resetData: async (orgId) => resetDeskData(context, orgId),
      trigger: (event, { installationId, payload }) => service.trigger(event, installationId, payload),
      close: async () => {
        if (closed) return;
        closed = true;
        // The database closes even when the server fails to close (its WAL is checkpointed and removed).
        // Outgoing sockets too (calls in flight fail, idle keep-alive ones close): none outlives the emulator.
        try {
          agents.destroy();
          await listener.close();
        } finally {
          stores.db.close();
        }
      },
    };
    if (options.now === undefined) {
      emulator.setNow = (ms) => {
        clockMs = ms;
        frozen = true;
      };
    }
    return emulator;
  } catch (error) {
    agents.destroy();
    stores.db.close();
    throw error;
  }
}
