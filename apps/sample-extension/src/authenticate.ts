import { json } from "./json-response.js";
import { type VerifiedWidgetToken, verifyWidgetToken, type WidgetTokenOptions } from "./widget-token.js";

/**
 * The caller of an API route, from its `Authorization: Bearer <widget token>` header, or the 401 to answer.
 * The org comes from the token only: a `?orgId=` in the URL is never trusted.
 *
 * @example
 * const caller = authenticate(request, { key, now: () => new Date() });
 * if (caller instanceof Response) return caller;
 */
export function authenticate(
  request: Request,
  options: Pick<WidgetTokenOptions, "key" | "now">,
): VerifiedWidgetToken | Response {
  const header = request.headers.get("authorization") ?? "";
  const token = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(header)?.[1];
  const result = verifyWidgetToken(token, options);
  if (!("refused" in result)) return result;
  return json(
    401,
    { error: "unauthorized", reason: result.refused, message: "present a valid widget token as Bearer" },
    { "WWW-Authenticate": 'Bearer realm="sample-extension"' },
  );
}
