import { unprocessable } from "../errors/emulator-request-error.js";

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// Set by Desk (or the HTTP stack) for the call; a caller may not steer them.
const RESERVED = new Set([
  "host",
  "content-length",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "te",
  "trailer",
  "upgrade",
  "expect",
  "proxy-authorization",
  "proxy-connection",
]);

/** Checks the caller's headers (names, CR/LF/NUL in values, reserved names) and adds the connection's token. */
export function buildOutgoingHeaders(
  pairs: readonly [string, string][],
  connectionToken: string | undefined,
): Headers {
  const headers = new Headers();
  for (const [name, value] of pairs) {
    if (!TOKEN.test(name))
      throw unprocessable("headers", `header name ${JSON.stringify(name)} is not a valid HTTP token`);
    if (/[\r\n\0]/.test(value)) {
      throw unprocessable("headers", `header ${name} contains CR, LF or NUL: header values must be one line`);
    }
    if (RESERVED.has(name.toLowerCase()))
      throw unprocessable("headers", `header ${name} is set by Desk and cannot be sent`);
    headers.append(name, value);
  }
  if (connectionToken !== undefined) headers.set("Authorization", `Zoho-oauthtoken ${connectionToken}`);
  return headers;
}
