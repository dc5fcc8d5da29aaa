import { InvokeValidationError } from "./errors/invoke-validation-error.js";
import type { InvokeMethod, InvokeRequest } from "./types.js";

/**
 * The signed invoke form fields (all but `securityContext`), in the HASH's field order; empty ones left out.
 *
 * @example
 * const form: InvokeForm = { requestURL: "https://api.example.com/x", requestType: "GET" };
 */
export interface InvokeForm {
  requestURL: string;
  requestType: InvokeMethod;
  queryParams?: string;
  postBody?: string;
  headers?: string;
  connectionLinkName?: string;
}

function jsonText(value: unknown, field: string): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    // BigInt or a cycle: fall through to the error below.
  }
  if (text === undefined) throw new InvokeValidationError({ field, rule: "must be JSON-serialisable" });
  return text;
}

/**
 * Builds the invoke form fields from a request. The one code path for both the HASH and the sent body: the client
 * signs exactly these strings and URL-encodes exactly these strings, so the two cannot drift. Absent and empty
 * values are left out (spec 1.1), and so are headers without entries; a `query` or object `body` of `{}` is sent
 * as `"{}"`, as in Desk's own sample. An object body becomes JSON text and adds `Content-Type: application/json`
 * unless a content type is set.
 *
 * @example
 * buildInvokeForm({ url: "https://api.example.com/issues", method: "POST", body: { title: "x" } });
 * // { requestURL: "https://api.example.com/issues", requestType: "POST", postBody: '{"title":"x"}',
 * //   headers: '{"Content-Type":"application/json"}' }
 */
export function buildInvokeForm(request: InvokeRequest): InvokeForm {
  const headers: Record<string, string | number> = { ...request.headers };
  let postBody = request.body;
  if (postBody != null && typeof postBody !== "string") {
    postBody = jsonText(postBody, "body");
    if (!Object.keys(headers).some((name) => name.toLowerCase() === "content-type")) {
      headers["Content-Type"] = "application/json";
    }
  }
  const values = {
    requestURL: request.url,
    requestType: request.method,
    queryParams: request.query && jsonText(request.query, "query"),
    postBody,
    // The client builds this object, so one without entries means no headers, not "{}".
    headers: Object.keys(headers).length ? jsonText(headers, "headers") : undefined,
    connectionLinkName: request.connection,
  };
  const form: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) if (value) form[name] = value;
  return form as unknown as InvokeForm;
}
