import { DeskApiError } from "./errors/desk-api-error.js";
import { InvokeResponseSchema } from "./invoke-response-schema.js";
import { parseJson } from "./parse-json.js";
import type { InvokeResult } from "./types.js";
import { WrappedResponseSchema } from "./wrapped-response-schema.js";

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
  const outer = InvokeResponseSchema.safeParse(parseJson(text));
  if (!outer.success) {
    throw new DeskApiError({
      status: 200,
      detail: "not an invoke answer",
      cause: outer.error,
    });
  }
  const { statusCode, response, responseHeaders } = outer.data;
  const headers = headerRecord(responseHeaders);
  const type = headers["content-type"];
  const json = !type || type.includes("json");
  let body = response;
  let data = typeof body === "string" ? parseJson(body) : body;
  const wrapped = WrappedResponseSchema.safeParse(data);
  if (wrapped.success) {
    body = wrapped.data.statusMessage;
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
