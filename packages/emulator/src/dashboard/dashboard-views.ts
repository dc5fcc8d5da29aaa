import { LOG_TTL_MS, MASKED_CONFIG_VALUE } from "../constants.js";
import type { EmulatorContext } from "../context/emulator-context.js";
import { defaultValueOf } from "../installations/installation-service.js";

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value !== "" ? value : undefined;

// As everywhere in the emulator: anything but false or absent is secure, so a value is never shown by mistake.
const isSecure = (param: { secure?: unknown }): boolean => Boolean(param.secure);

/** What the page needs to know about the extension: never the secret, never a secure param's default value. */
export function extensionView(context: EmulatorContext) {
  const { manifest, resources } = context;
  return {
    name: context.extensionName,
    storage: manifest.storage === true,
    config: (manifest.config ?? []).map((param) => ({
      name: param.name,
      displayName: text(param["displayName"]) ?? param.name,
      secure: isSecure(param),
      mandatory: param["mandatory"] === true,
      defaultValue: isSecure(param) ? "" : defaultValueOf(param),
    })),
    permissions: (resources.permissions ?? []).map((permission) => ({
      apiName: permission.apiName,
      displayName: text(permission.displayName) ?? permission.apiName,
      defaultState: permission.defaultState,
    })),
    events: Object.keys(manifest.callbackListener ?? {}),
  };
}

/** Every installation with its config params (secure values masked) and permission states. */
export function installationViews(context: EmulatorContext) {
  const { manifest, resources, stores } = context;
  const params = manifest.config ?? [];
  return stores.installations.list().map((row) => {
    const values = stores.config.all(row.installationId);
    const states = new Map(
      stores.permissions.list(row.installationId).map((state) => [state.apiName, state.isEnabled]),
    );
    const known = new Set(params.map((param) => param.name));
    const config = [
      ...params.map((param) => ({
        name: param.name,
        secure: param.secure === true,
        value: values[param.name] ?? "",
      })),
      // Names the extension added through the configParams API.
      ...Object.entries(values)
        .filter(([name]) => !known.has(name))
        .map(([name, value]) => ({ name, secure: false, value })),
    ].map((param) => ({
      ...param,
      value: param.secure && param.value !== "" ? MASKED_CONFIG_VALUE : param.value,
    }));
    return {
      installationId: row.installationId,
      orgId: row.orgId,
      installedAt: new Date(row.installedAt).toISOString(),
      config,
      permissions: (resources.permissions ?? []).map((permission) => ({
        apiName: permission.apiName,
        displayName: text(permission.displayName) ?? permission.apiName,
        description: text(permission.description) ?? "",
        isEnabled: states.get(permission.apiName) ?? permission.defaultState,
      })),
    };
  });
}

/** A log with the time it expires (LOG_TTL_MS after its logTime). */
export function withExpiry<T extends { logTime: string }>(log: T): T & { expiresAt: string } {
  return { ...log, expiresAt: new Date(Date.parse(log.logTime) + LOG_TTL_MS).toISOString() };
}
