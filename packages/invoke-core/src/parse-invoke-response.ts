import { isObject, isRecord } from "./check-fields.js";
import { DeskApiError } from "./errors/desk-api-error.js";
import { parseJson } from "./parse-json.js";
import type { InvokeResult } from "./types.js";

// The shapes of `InvokeResponseSchema` and `WrappedResponseSchema` (./schemas), checked by hand: this runs on every
// answer, and keeps zod out of the main entry. test/checks-agree.test.ts holds both to the same verdicts.

/** `statusCode` as a whole number (Desk has sent it as text too), else undefined. */
function statusCodeOf(value: unknown): number | undefined {
  const code = Number(value);
  return Number.isSafeInteger(code) ? code : undefined;
}

/** The wrapper production Desk puts around the target body: exactly `{statusMessage, status}`. */
function isWrapped(value: unknown): value is { statusMessage: unknown } {
  if (!isObject(value) || !("statusMessage" in value) || !("status" in value)) return false;
  const { status } = value;
  return (typeof status === "string" || typeof status === "boolean") && Object.keys(value).length === 2;
}

function headerRecord(raw: unknown): Record<string, string> {
  const source = typeof raw === "string" ? parseJson(raw) : raw;
  const headers: Record<string, string> = {};
  if (source && typeof source === "object") {
    for (const [name, value] of Object.entries(source)) {
      headers[name.toLowerCase()] = String(value);
    }
  }
  return headers;
}

/**
 * Reads Desk's 200 answer (its JSON text) into the target's status, body and headers. Accepts both known shapes
 * (spec 1.2): `responseHeaders` as an object or JSON text; `response` wrapped in `{statusMessage, status}` or not,
 * as text or already parsed. The body is parsed as JSON unless the target's content type says otherwise.
 *
 * @example
 * parseInvokeResponse('{"statusCode":201,"response":"{\\"statusMessage\\":{\\"id\\":7},\\"status\\":\\"true\\"}"}');
 * // { status: 201, ok: true, data: { id: 7 }, text: '{"id":7}', headers: {} }
 */
export function parseInvokeResponse<T = unknown>(text: string): InvokeResult<T> {
  const outer = parseJson(text);
  const statusCode = isObject(outer) ? statusCodeOf(outer.statusCode) : undefined;
  const responseHeaders = isObject(outer) ? outer.responseHeaders : undefined;
  if (
    statusCode === undefined ||
    !("response" in (outer as object)) ||
    !(responseHeaders === undefined || typeof responseHeaders === "string" || isRecord(responseHeaders))
  ) {
    throw new DeskApiError({ status: 200, detail: "not an invoke answer" });
  }
  const { response } = outer as { response: unknown };
  const headers = headerRecord(responseHeaders);
  const type = headers["content-type"];
  const json = !type || type.includes("json");
  let body = response;
  let data = typeof body === "string" ? parseJson(body) : body;
  if (isWrapped(data)) {
    body = data.statusMessage;
    data = typeof body === "string" ? parseJson(body) : body;
  }
  const bodyText = typeof body === "string" ? body : JSON.stringify(body);
  // A text body is data only when it parses and the target did not call it something other than JSON.
  if (data === undefined || (typeof body === "string" && !json)) data = bodyText;
  return {
    status: statusCode,
    ok: statusCode >= 200 && statusCode < 300,
    data: data as T,
    text: bodyText,
    headers,
  };
}
