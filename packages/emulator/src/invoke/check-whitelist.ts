import { EmulatorRequestError } from "../errors/emulator-request-error.js";
import type { Manifest } from "../manifest/manifest-schema.js";

/** Throws 403 DOMAIN_NOT_WHITELISTED unless `url`'s origin is listed in whiteListedDomains (spec 1.4). */
export function checkWhitelist(manifest: Manifest, url: URL, what = "the target"): void {
  const allowed = new Set((manifest.whiteListedDomains ?? []).map((domain) => new URL(domain).origin));
  if (allowed.has(url.origin)) return;
  throw new EmulatorRequestError({
    status: 403,
    errorCode: "DOMAIN_NOT_WHITELISTED",
    message: `${what} origin ${url.origin} is not in whiteListedDomains: add "${url.origin}" to whiteListedDomains in plugin-manifest.json`,
  });
}
