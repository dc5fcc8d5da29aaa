import { MASKED_CONFIG_VALUE } from "../constants.js";
import type { EmulatorContext } from "../context/emulator-context.js";

/** name/value pairs of an installation, secure values masked [decision]. */
export function maskedConfig(
  context: EmulatorContext,
  installationId: string,
): { name: string; value: string }[] {
  const secure = new Set(
    (context.manifest.config ?? []).filter((param) => param.secure).map((param) => param.name),
  );
  return Object.entries(context.stores.config.all(installationId)).map(([name, value]) => ({
    name,
    value: secure.has(name) && value !== "" ? MASKED_CONFIG_VALUE : value,
  }));
}
