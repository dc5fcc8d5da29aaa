import type { ResolveContext } from "@desk/placeholders";
import type { EmulatorContext } from "../context/emulator-context.js";

/** The placeholder context of one installation: its id, real (unmasked) config values and resources. */
export function resolveContextOf(context: EmulatorContext, installationId: string): ResolveContext {
  const resources: Record<string, Record<string, { id: string; apiName: string }>> = {};
  for (const row of context.stores.resources.list([installationId])) {
    resources[row.type] ??= {};
    resources[row.type]![row.name] = { id: row.id, apiName: row.apiName };
  }
  return { installationId, config: context.stores.config.all(installationId), resources };
}
