import { MASKED_CONFIG_VALUE } from "../constants.js";
import type { EmulatorContext } from "../context/emulator-context.js";

/** What stands in for a securityContext in anything the dashboard shows. */
export const HIDDEN_SECURITY_CONTEXT = "[securityContext hidden]";

// Any token of the sealer's form, even one this emulator did not issue (e.g. of a deleted installation).
const SECURITY_CONTEXT = /dsc1\.[A-Za-z0-9_-]{16,}/g;

/**
 * A function that masks, in any text, the manifest secret (as `********`), any securityContext, and the secure config
 * values of `installationId` (as `********`): only the caller's values are ever substituted into its call, and a call
 * refused before its securityContext was checked had none substituted. Built when a call is recorded, so it sees
 * the values current then, at the cost of one config read and one seal.
 */
export function secretScrubber(
  context: EmulatorContext,
  installationId: string | undefined,
): (text: string) => string {
  const { manifest, stores, sealer, secret } = context;
  const masks = new Map<string, string>();
  if (secret !== undefined && secret !== "") masks.set(secret, MASKED_CONFIG_VALUE);
  const installation = installationId === undefined ? undefined : stores.installations.get(installationId);
  if (installation !== undefined) {
    masks.set(
      sealer.seal({ orgId: installation.orgId, installationId: installation.installationId }),
      HIDDEN_SECURITY_CONTEXT,
    );
    const config = stores.config.all(installation.installationId);
    for (const param of manifest.config ?? []) {
      const value = param.secure ? (config[param.name] ?? "") : "";
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

/** A deep copy of a JSON value with every string (keys kept) passed through `scrub`. */
export function scrubDeep<T>(value: T, scrub: (text: string) => string): T {
  if (typeof value === "string") return scrub(value) as T;
  if (Array.isArray(value)) return value.map((item) => scrubDeep(item, scrub)) as T;
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([name, item]) => [name, scrubDeep(item, scrub)]),
    ) as T;
  }
  return value;
}
