import { MASKED_CONFIG_VALUE } from "../constants.js";
import type { EmulatorContext } from "../context/emulator-context.js";
import type { EmulatorRequestError } from "../errors/emulator-request-error.js";

/**
 * Masks the installation's secure config values in a refusal. Checks run after substitution, so a refusal may
 * quote a substituted part (an origin, a header name); a secure value must still never leave in an error.
 */
export function redactSecureValues(
  context: EmulatorContext,
  installationId: string,
  error: EmulatorRequestError,
): EmulatorRequestError {
  const config = context.stores.config.all(installationId);
  const secrets = (context.manifest.config ?? [])
    .filter((param) => param.secure)
    .map((param) => config[param.name] ?? "")
    .filter((value) => value !== "")
    // Longest first, so a secret that contains another is masked whole.
    .sort((a, b) => b.length - a.length);
  if (secrets.length === 0) return error;
  return error.masked((text) =>
    secrets.reduce((out, secret) => out.split(secret).join(MASKED_CONFIG_VALUE), text),
  );
}
