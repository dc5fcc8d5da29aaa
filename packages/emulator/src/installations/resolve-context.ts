import type { ResolveContext } from "@desk/placeholders";
import type { EmulatorContext } from "../context/emulator-context.js";

type Resources = ResolveContext["resources"];

/**
 * The placeholder context of one installation: its id, real (unmasked) config values and resources. Config and
 * resources are read from the store the first time a placeholder asks for them, at most once per call: most invokes
 * carry no placeholder, and need neither query.
 */
export function resolveContextOf(context: EmulatorContext, installationId: string): ResolveContext {
  let config: Readonly<Record<string, string>> | undefined;
  let resources: Resources | undefined;
  return {
    installationId,
    get config() {
      config ??= context.stores.config.all(installationId);
      return config;
    },
    get resources() {
      resources ??= resourcesOf(context, installationId);
      return resources;
    },
  };
}

function resourcesOf(context: EmulatorContext, installationId: string): Resources {
  const resources: Record<string, Record<string, { id: string; apiName: string }>> = {};
  for (const row of context.stores.resources.list([installationId])) {
    resources[row.type] ??= {};
    resources[row.type]![row.name] = { id: row.id, apiName: row.apiName };
  }
  return resources;
}
