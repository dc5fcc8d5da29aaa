import { MASKED_CONFIG_VALUE } from "../constants.js";
import type { EmulatorContext } from "../server/emulator-context.js";

/**
 * Masks the installation's secure config values in an error body. Checks run after substitution, so a refusal may
 * quote a substituted part (an origin, a header name); a secure value must still never leave in an error.
 */
export function redactSecureValues(
  context: EmulatorContext,
  installationId: string,
  body: Record<string, string>,
): Record<string, string> {
  const config = context.stores.config.all(installationId);
  const secrets = (context.manifest.config ?? [])
    .filter((param) => param.secure)
    .map((param) => config[param.name] ?? "")
    .filter((value) => value !== "")
    // Longest first, so a secret that contains another is masked whole.
    .sort((a, b) => b.length - a.length);
  if (secrets.length === 0) return body;
  const mask = (text: string) =>
    secrets.reduce((out, secret) => out.split(secret).join(MASKED_CONFIG_VALUE), text);
  return Object.fromEntries(Object.entries(body).map(([name, value]) => [name, mask(value)]));
}
