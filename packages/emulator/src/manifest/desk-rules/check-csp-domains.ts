import { isZetUrl } from "../zet-url.js";
import type { Findings } from "./finding.js";
import { ZET } from "./zet-messages.js";

const CSP_ARRAY_LIMIT = 10;

/** Zoho's rules for `cspDomains`: an object whose `connect-src` is an array of at most 10 distinct URLs. */
export function checkCspDomains(csp: unknown, out: Findings): void {
  if (typeof csp !== "object" || csp === null || csp.constructor !== Object) {
    out.rule("cspDomains", ZET.invalidCSPDomains);
    return;
  }
  const key = "connect-src";
  const domains = (csp as Record<string, unknown>)[key];
  if (!Array.isArray(domains)) {
    out.rule(`cspDomains.${key}`, key + ZET.invalidConnectArray);
    return;
  }
  if (domains.length > CSP_ARRAY_LIMIT)
    out.rule(`cspDomains.${key}`, key + ZET.cspSizeExceeded + CSP_ARRAY_LIMIT);
  const trimmed = domains.map((domain) => String(domain).trim());
  if (new Set(trimmed).size !== trimmed.length) out.rule(`cspDomains.${key}`, ZET.cspDuplicatedomain + key);
  // Each entry: space-separated sources, each a URL or "blob:".
  const valid = trimmed.every((entry) =>
    entry.split(" ").every((source) => source === "blob:" || isZetUrl(source)),
  );
  if (!valid) out.rule(`cspDomains.${key}`, String(domains) + ZET.invalidConnectElementEntry + key);
}
