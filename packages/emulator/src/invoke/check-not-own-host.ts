import { EmulatorRequestError } from "../errors/emulator-request-error.js";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * Throws 403 DOMAIN_NOT_WHITELISTED with a hint when the target is the emulator itself: a user who moved Desk's URL
 * in requestURL to the emulator, not only the invoke base URL. Desk's own URL is what the emulator serves.
 */
export function checkNotOwnHost(url: URL, own: URL): void {
  const sameHost =
    url.hostname === own.hostname || (LOOPBACK.has(url.hostname) && LOOPBACK.has(own.hostname));
  if (!sameHost || url.port !== own.port || url.protocol !== own.protocol) return;
  throw new EmulatorRequestError({
    status: 403,
    errorCode: "DOMAIN_NOT_WHITELISTED",
    message:
      `the target ${url.origin} is the emulator itself: keep Desk's own URL as the target ` +
      `(https://desk.zoho.com${url.pathname}), the emulator serves it; only the invoke base URL points here`,
  });
}
