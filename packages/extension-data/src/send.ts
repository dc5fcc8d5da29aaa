import type { InvokeClient, InvokeRequest } from "@desk/invoke-core";
import { parseRetryAfter, TargetError } from "@desk/invoke-core";
import type { AnswerShape } from "./answer-shape.js";
import { ExtensionDataApiError } from "./errors/api-error.js";
import { ExtensionDataRateLimitError } from "./errors/rate-limit-error.js";
import { ExtensionDataResponseError } from "./errors/response-error.js";

/**
 * Makes one extension-data call through invoke and returns Desk's answer checked against `shape`. A non-2xx
 * answer becomes an {@link ExtensionDataApiError} (429: {@link ExtensionDataRateLimitError}); errors of the
 * invoke call itself (bad HASH, whitelist, network) pass through as @desk/invoke-core errors.
 *
 * @example
 * const list = await send(client, "storage.get", { url, method: "GET" }, storageListShape);
 */
export async function send<T>(
  client: InvokeClient,
  operation: string,
  request: InvokeRequest,
  shape: AnswerShape<T>,
): Promise<T> {
  let status: number;
  let data: unknown;
  let headers: Record<string, string>;
  try {
    // We read the target status ourselves, to give storage/log errors their own classes.
    const result = await client.invoke({ ...request, throwOnTargetError: false });
    ({ status, data, headers } = result);
  } catch (error) {
    // A client configured to throw on target errors still gets our classes.
    if (!TargetError.isInstance(error)) throw error;
    throw toApiError(operation, error.status, error.data, error.headers, error);
  }
  if (status < 200 || status > 299) throw toApiError(operation, status, data, headers);
  const checked = shape(data);
  if (!checked.ok) throw new ExtensionDataResponseError({ operation, issues: checked.issues, data });
  return checked.value;
}

function toApiError(
  operation: string,
  status: number,
  data: unknown,
  headers: Record<string, string>,
  cause?: unknown,
): ExtensionDataApiError {
  const withCause = cause === undefined ? {} : { cause };
  if (status !== 429) return new ExtensionDataApiError({ operation, status, data, ...withCause });
  return new ExtensionDataRateLimitError({
    operation,
    data,
    retryAfterSeconds: retryAfterSeconds(headers),
    ...withCause,
  });
}

// Seconds or an HTTP date, read the way invoke-core's retries read it.
function retryAfterSeconds(headers: Record<string, string>): number | undefined {
  const name = Object.keys(headers).find((header) => header.toLowerCase() === "retry-after");
  return parseRetryAfter(name === undefined ? undefined : headers[name]);
}
