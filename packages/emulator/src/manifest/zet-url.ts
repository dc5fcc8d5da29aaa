/**
 * Zoho's URL test (zet's `isValidURL`): parses as a URL with the http, https or wss scheme. The emulator refuses
 * only what this refuses, so every manifest Desk accepts loads.
 */
export function isZetUrl(value: unknown): boolean {
  try {
    const url = new URL(String(value));
    return url.protocol === "http:" || url.protocol === "https:" || url.protocol === "wss:";
  } catch {
    return false;
  }
}

/** Zoho's name rule for config params, connectors and widgets: a letter, then letters, digits, `-`, `_` or spaces. */
export const ZET_NAME_PATTERN = /^[a-zA-Z][a-zA-Z0-9\-_ ]*$/;
