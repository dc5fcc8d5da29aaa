import { MASKED_CONFIG_VALUE } from "../constants.js";
import type { EmulatorContext } from "../context/emulator-context.js";

/** What stands in for a securityContext in anything the dashboard shows. */
export const HIDDEN_SECURITY_CONTEXT = "[securityContext hidden]";

// Any token of the sealer's form, even one this emulator did not issue (e.g. of a deleted installation).
const SECURITY_CONTEXT = /dsc1\.[A-Za-z0-9_-]{16,}/g;

/**
 * A function that masks, in any text, the manifest secret, every installation's securityContext and every secure
 * config value (as `********`). Built once per recorded or shown item, so it sees the values current at that time.
 */
export function secretScrubber(context: EmulatorContext): (text: string) => string {
  const { manifest, stores, sealer, secret } = context;
  const secureNames = (manifest.config ?? []).filter((param) => param.secure).map((param) => param.name);
  const masks = new Map<string, string>();
  if (secret !== undefined && secret !== "") masks.set(secret, MASKED_CONFIG_VALUE);
  for (const { installationId, orgId } of stores.installations.list()) {
    masks.set(sealer.seal({ orgId, installationId }), HIDDEN_SECURITY_CONTEXT);
    if (secureNames.length === 0) continue;
    const config = stores.config.all(installationId);
    for (const name of secureNames) {
      const value = config[name] ?? "";
      if (value !== "") masks.set(value, MASKED_CONFIG_VALUE);
    }
  }
  // Longest first, so a value that contains another is masked whole.
  const ordered = [...masks].sort(([a], [b]) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const [value, mask] of ordered) if (out.includes(value)) out = out.split(value).join(mask);
    return out.replace(SECURITY_CONTEXT, HIDDEN_SECURITY_CONTEXT);
  };
}
