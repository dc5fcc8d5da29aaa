import { CALL_OPTION_KEYS, checkCallOptions } from "./check-call-options.js";
import { assertKnownKeys, invalid, isNumber, isObject, isRecord } from "./check-fields.js";
import { HEADER_NAME, HEADER_VALUE, INVOKE_METHODS, isInvokeUrl, isMethod } from "./invoke-rules.js";

const REQUEST_KEYS: ReadonlySet<string> = new Set([
  "url",
  "method",
  "query",
  "headers",
  "body",
  "connection",
  "signal",
  ...CALL_OPTION_KEYS,
]);
const METHOD_RULE = `must be one of ${INVOKE_METHODS.join(", ")}`;

const isScalar = (value: unknown) =>
  typeof value === "string" || typeof value === "boolean" || isNumber(value);

function checkQuery(query: unknown): void {
  if (!isRecord(query)) throw invalid("query", "must be an object of query values");
  for (const name of Object.keys(query)) {
    const value = query[name];
    if (value === null || isScalar(value) || (Array.isArray(value) && value.every(isScalar))) continue;
    throw invalid(`query.${name}`, "must be a string, a finite number, a boolean, null, or a list of those");
  }
}

function checkHeaders(headers: unknown): void {
  if (!isRecord(headers)) throw invalid("headers", "must be an object of header values");
  for (const name of Object.keys(headers)) {
    if (!HEADER_NAME.test(name)) throw invalid(`headers.${name}`, "the name must be an HTTP token");
    const value = headers[name];
    if (typeof value === "string") {
      if (!HEADER_VALUE.test(value)) throw invalid(`headers.${name}`, "must not contain CR, LF or NUL");
    } else if (!isNumber(value)) {
      throw invalid(`headers.${name}`, "must be a string or a finite number");
    }
  }
}

/**
 * Checks an `InvokeRequest` before any network call: an absolute http(s) URL (placeholders allowed), a known
 * method, header names that are HTTP tokens and values that are strings without CR/LF/NUL or numbers, JSON-able
 * query values, the call options, and no unknown keys. Throws `InvokeValidationError` naming the field and the
 * rule, never the value. `InvokeRequestSchema` (`@desk/invoke-core/schemas`) states the same rules in zod.
 *
 * @example
 * checkInvokeRequest({ url: "ftp://x", method: "GET" }); // throws: invalid url: must be an absolute http(s) URL
 */
export function checkInvokeRequest(request: unknown): void {
  if (!isObject(request)) throw invalid("request", "must be an object");
  const { url, method, query, headers, connection, signal } = request;
  if (typeof url !== "string" || !isInvokeUrl(url)) throw invalid("url", "must be an absolute http(s) URL");
  if (!isMethod(method)) throw invalid("method", METHOD_RULE);
  if (query !== undefined) checkQuery(query);
  if (headers !== undefined) checkHeaders(headers);
  if (connection !== undefined && typeof connection !== "string")
    throw invalid("connection", "must be a string");
  if (signal !== undefined && !(signal instanceof AbortSignal))
    throw invalid("signal", "must be an AbortSignal");
  checkCallOptions(request);
  assertKnownKeys(request, REQUEST_KEYS, "request");
}
