import { createSigner } from "@desk/hash";
import ky, { isTimeoutError } from "ky";
import { assertPlaceholders } from "./assert-placeholders.js";
import { buildInvokeForm } from "./build-invoke-form.js";
import { checkClientOptions } from "./check-client-options.js";
import { checkInvokeRequest } from "./check-invoke-request.js";
import { DATA_CENTERS } from "./data-centers.js";
import { NetworkError } from "./errors/network-error.js";
import { TargetError } from "./errors/target-error.js";
import { TimeoutError } from "./errors/timeout-error.js";
import { parseInvokeResponse } from "./parse-invoke-response.js";
import { toDeskError } from "./to-desk-error.js";
import { toSafeCause } from "./to-safe-cause.js";
import type {
  InvokeClient,
  InvokeClientOptions,
  InvokeRequest,
  InvokeResult,
  RetryOptions,
} from "./types.js";
import { withRetry } from "./with-retry.js";

/** Total time for all attempts of one call, when neither the client nor the call sets `timeout`. */
const DEFAULT_TIMEOUT = 30_000;

const retryOptions = (retry: RetryOptions | number | undefined): RetryOptions =>
  typeof retry === "number" ? { limit: retry } : (retry ?? {});

/**
 * Creates the invoke client for one installation. It validates each request before any network call, builds the
 * form once, signs exactly what it sends (HASH header), POSTs it to `{baseUrl or Desk}/api/v1/invoke?orgId=`,
 * retries transient failures by the target method, and answers what the target answered.
 *
 * @example
 * const client = createInvokeClient({ secret: process.env.DESK_SECRET!, orgId, securityContext });
 * const { data } = await client.invoke({
 *   url: `${client.deskOrigin}/api/v1/installedExtensions/{{installationId}}/storage`,
 *   method: "GET",
 *   query: { key: "ticket:42" },
 *   headers: { orgId: client.orgId },
 * });
 */
export function createInvokeClient(options: InvokeClientOptions): InvokeClient {
  checkClientOptions(options);
  const { secret, securityContext, fetch } = options;
  const signer = createSigner(secret);
  const deskOrigin = DATA_CENTERS[options.dataCenter ?? "com"];
  const orgId = String(options.orgId);
  const endpoint = `${(options.baseUrl ?? deskOrigin).replace(/\/+$/, "")}/api/v1/invoke?orgId=${orgId}`;
  // Retries are ours (they must see the target's status inside a 200); ky enforces each attempt's share of the
  // total timeout. No AbortController of our own: on Node 20 each one costs more than the rest of invoke().
  const http = ky.create({
    ...(fetch && { fetch }),
    retry: 0,
    throwHttpErrors: false,
  });

  async function send(body: string, hash: string, deadline: number, timeout: number, signal?: AbortSignal) {
    const scrub = (message: string) =>
      [hash, securityContext, secret]
        .flat()
        .reduce((clean, value) => clean.replaceAll(value, "[redacted]"), message);
    let response: Response;
    let text: string;
    try {
      response = await http.post(endpoint, {
        body,
        headers: { HASH: hash, "Content-Type": "application/x-www-form-urlencoded" },
        // ky wants a positive timeout; a wait never ends past the deadline, so this is at most a clock tick off.
        timeout: Math.max(1, deadline - Date.now()),
        ...(signal && { signal }),
      });
      text = await response.text();
    } catch (error) {
      // Never ky's error as is, nor any error holding the request: it carries the HASH header.
      throw signal?.aborted
        ? signal.reason
        : isTimeoutError(error)
          ? new TimeoutError({ timeout })
          : new NetworkError({ cause: toSafeCause(error, scrub) });
    }
    if (response.ok) return parseInvokeResponse(text);
    throw toDeskError(response.status, text, response.headers.get("retry-after"), scrub);
  }

  return {
    deskOrigin,
    orgId,
    async invoke<T>(request: InvokeRequest): Promise<InvokeResult<T>> {
      checkInvokeRequest(request);
      const form = buildInvokeForm(request);
      assertPlaceholders(form, request.allowNearMisses ?? options.allowNearMisses);
      const hash = await signer.signInvoke(form);
      const { signal } = request;
      signal?.throwIfAborted();
      const body = new URLSearchParams({ ...form, securityContext }).toString();
      const timeout = request.timeout ?? options.timeout ?? DEFAULT_TIMEOUT;
      const deadline = Date.now() + timeout;
      const result = await withRetry(
        () => send(body, hash, deadline, timeout, signal),
        request.method,
        { ...retryOptions(options.retry), ...retryOptions(request.retry) },
        deadline,
        signal,
      );
      if (!result.ok && (request.throwOnTargetError ?? options.throwOnTargetError))
        throw new TargetError(result);
      return result as InvokeResult<T>;
    },
  };
}
