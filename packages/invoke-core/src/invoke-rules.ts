// The rules an invoke request and the client options follow, written once: the hand-written checks of the main
// entry (`check-*.ts`, no zod on the hot path or in a browser bundle) and the zod schemas of `./schemas` both use
// them, and `test/checks-agree.test.ts` holds the two to the same verdicts.

/** The target methods Desk accepts as `requestType`. */
export const INVOKE_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** True for one of {@link INVOKE_METHODS} (upper case, as Desk wants it). */
export const isMethod = (value: unknown): boolean => INVOKE_METHODS.includes(value as never);

/** A header name: an HTTP token (RFC 9110 5.6.2). */
export const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** A header value: no CR, LF or NUL (they would split or end the header). */
export const HEADER_VALUE = /^[^\r\n\0]*$/;

// Stand-in for placeholders while checking the URL: Desk substitutes them, so only the rest must be a URL.
const PLACEHOLDER = /\{\{[^{}]*\}\}/g;
const CONTROL = /[\u0000-\u001f\u007f]/;
const HTTP_SCHEME = /^https?:$/;

/**
 * True for an absolute http(s) URL, placeholders allowed anywhere (one at the start supplies the scheme).
 *
 * @example
 * isInvokeUrl("{{jiraBaseUrl}}/rest/api/2/issue"); // true
 */
export function isInvokeUrl(url: string): boolean {
  if (CONTROL.test(url)) return false;
  const probe = url.includes("{{") ? url.replace(PLACEHOLDER, "0") : url;
  try {
    // A URL that starts with a placeholder (`{{baseUrl}}/issues`) gets its scheme from the substituted value.
    return HTTP_SCHEME.test(new URL(url.startsWith("{{") ? `http://${probe}` : probe).protocol);
  } catch {
    return false;
  }
}

/**
 * True for a `baseUrl`: an http(s) URL written with `//` (what `z.url({ protocol: /^https?$/ })` accepts).
 *
 * @example
 * isBaseUrl("http://127.0.0.1:4000"); // true
 */
export function isBaseUrl(value: string): boolean {
  const trimmed = value.trim();
  if (!/^https?:\/\//i.test(trimmed)) return false;
  try {
    return HTTP_SCHEME.test(new URL(trimmed).protocol);
  } catch {
    return false;
  }
}
