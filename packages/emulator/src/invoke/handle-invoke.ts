import type { IncomingMessage } from "node:http";
import { verifyInvoke } from "@desk/hash";
import type { HttpBindings } from "@hono/node-server";
import { RESPONSE_ALREADY_SENT } from "@hono/node-server/utils/response";
import type { Context } from "hono";
import { INVOKE_BODY_LIMIT_BYTES } from "../constants.js";
import type { EmulatorContext } from "../context/emulator-context.js";
import type { DeskApp, DeskCaller } from "../desk-api/desk-env.js";
import { EmulatorRequestError, unprocessable } from "../errors/emulator-request-error.js";
import { errorBody } from "../http/error-response.js";
import { readIncomingBody } from "../http/read-incoming-body.js";
import { readLimitedBody } from "../http/read-limited-body.js";
import { resolveContextOf } from "../installations/resolve-context.js";
import { buildOutgoingHeaders } from "./build-outgoing-headers.js";
import { buildTargetUrl } from "./build-target-url.js";
import { callTarget } from "./call-target.js";
import { checkNotOwnHost } from "./check-not-own-host.js";
import { checkWhitelist } from "./check-whitelist.js";
import { connectionToken } from "./connection-token.js";
import type { InvokeEvent } from "./invoke-event.js";
import type { InvokeTrace } from "./invoke-trace.js";
import { parseInvokeForm } from "./parse-invoke-form.js";
import { parseHeadersJson, parseQueryParamsJson } from "./parse-json-parts.js";
import { productionResponse } from "./production-response.js";
import { redactSecureValues } from "./redact-secure-values.js";
import { resolveParts } from "./resolve-parts.js";

const METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE"]);

/** `POST /api/v1/invoke`: the complete flow of spec 1, answering 200 + production shape or a 1.3 error. */
export function createInvokeHandler(
  context: EmulatorContext,
  deskApp: DeskApp,
  onInvoke?: (event: InvokeEvent, trace: InvokeTrace) => void,
): (c: Context) => Promise<Response> {
  return async (c) => {
    const started = performance.now();
    const event: InvokeEvent = {
      installationId: undefined,
      requestType: undefined,
      requestURL: undefined,
      status: 200,
      targetStatus: undefined,
      errorCode: undefined,
      durationMs: 0,
    };
    const trace: InvokeTrace = { fields: undefined, answer: undefined };
    try {
      const node = c.env as Partial<HttpBindings> | undefined;
      const answer = await invoke(context, deskApp, c.req.raw, node?.incoming, event, trace);
      event.targetStatus = answer.statusCode;
      trace.answer = answer;
      if (node?.outgoing === undefined) return c.json(answer, 200);
      // Written to node:http as c.json would have it written (same status, headers and bytes): node-server copies
      // a Response it did not create itself through a web stream, which cost more than the answer.
      const text = JSON.stringify(answer);
      node.outgoing.writeHead(200, {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(text),
      });
      node.outgoing.end(text);
      return RESPONSE_ALREADY_SENT;
    } catch (error) {
      const refusal = EmulatorRequestError.isInstance(error);
      event.status = refusal ? error.status : 500;
      event.errorCode = refusal ? error.errorCode : "INTERNAL_SERVER_ERROR";
      // Rendered by the app's one error handler; a secure value substituted into a quoted part never leaves.
      const thrown =
        refusal && event.installationId !== undefined
          ? redactSecureValues(context, event.installationId, error)
          : error;
      if (EmulatorRequestError.isInstance(thrown)) trace.answer = errorBody(thrown);
      throw thrown;
    } finally {
      event.durationMs = Math.round(performance.now() - started);
      onInvoke?.(event, trace);
    }
  };
}

async function invoke(
  context: EmulatorContext,
  deskApp: DeskApp,
  request: Request,
  /** node:http's message when served by node-server: the body is read from it, not through `request`. */
  incoming: IncomingMessage | undefined,
  event: InvokeEvent,
  trace: InvokeTrace,
) {
  const tooLarge = () =>
    new EmulatorRequestError({
      status: 413,
      errorCode: "PAYLOAD_TOO_LARGE",
      message: `the invoke body is larger than ${INVOKE_BODY_LIMIT_BYTES} bytes`,
      // The rest of the body is never read: the connection cannot carry another request.
      headers: { Connection: "close" },
    });
  const bytes =
    incoming === undefined
      ? await readLimitedBody(
          request.body,
          request.headers.get("content-length"),
          INVOKE_BODY_LIMIT_BYTES,
          tooLarge,
        )
      : await readIncomingBody(incoming, INVOKE_BODY_LIMIT_BYTES, tooLarge);
  const query = new URL(request.url).searchParams;
  const form = parseInvokeForm(bytes, request.headers.get("content-type"), query);
  event.requestType = form.fields.requestType;
  event.requestURL = form.fields.requestURL;
  trace.fields = form.fields;

  if (context.secret === undefined) {
    throw new EmulatorRequestError({
      status: 401,
      errorCode: "INVALID_HASH",
      message:
        'plugin-manifest.json has no secret, so no HASH can be verified: add "secret" (the one Desk shows for your extension) to the manifest',
    });
  }
  const verdict = await verifyInvoke(context.secret, form.fields, request.headers.get("hash"));
  if (!verdict.valid) {
    const why = {
      missing: "the HASH header is missing",
      malformed: "the HASH header is not hex",
      mismatch: "the HASH does not match the form",
    };
    throw new EmulatorRequestError({
      status: 401,
      errorCode: "INVALID_HASH",
      message: `${why[verdict.reason]} (signed: requestURL, requestType, queryParams, postBody, headers, connectionLinkName, in this order)`,
    });
  }

  const caller = authenticate(context, form.securityContext, query.get("orgId"));
  event.installationId = caller.installationId;
  const retryAfter = context.rateLimiter.take(caller.installationId, "invoke");
  if (retryAfter > 0) {
    throw new EmulatorRequestError({
      status: 429,
      errorCode: "RATE_LIMIT_EXCEEDED",
      message: "the invoke API's rate limit for this installation is reached",
      retryAfterSeconds: retryAfter,
    });
  }

  const { requestURL, requestType } = form.fields;
  if (requestURL === undefined || requestURL === "")
    throw unprocessable("requestURL", "requestURL is required");
  if (requestType === undefined || !METHODS.has(requestType)) {
    throw unprocessable("requestType", "requestType must be one of GET, POST, PUT, PATCH, DELETE");
  }

  const parts = resolveParts(form.fields, resolveContextOf(context, caller.installationId));
  const url = buildTargetUrl(parts.requestURL, parseQueryParamsJson(parts.queryParams));
  checkNotOwnHost(url, new URL(request.url));
  checkWhitelist(context.manifest, url);
  const token = connectionToken(context, form.fields.connectionLinkName);
  const headers = buildOutgoingHeaders(parseHeadersJson(parts.headers), token);
  const body = parts.postBody === "" ? undefined : parts.postBody;
  if (body !== undefined && requestType === "GET")
    throw unprocessable("postBody", "a GET request cannot have a postBody");

  const target = await callTarget(context, deskApp, caller, { method: requestType, url, headers, body });
  return productionResponse(target);
}

function authenticate(context: EmulatorContext, token: string | undefined, orgId: string | null): DeskCaller {
  const refuse = (why: string) =>
    new EmulatorRequestError({ status: 401, errorCode: "INVALID_SECURITY_CONTEXT", message: why });
  if (token === undefined || token === "") throw refuse("securityContext is missing");
  const sealed = context.sealer.open(token);
  if (!sealed) throw refuse("securityContext is not one this Desk issued");
  if (!context.stores.installations.get(sealed.installationId)) {
    throw refuse("securityContext belongs to an installation that no longer exists");
  }
  if (orgId === null || orgId === "") throw refuse("the orgId query parameter is missing");
  if (orgId !== sealed.orgId)
    throw refuse("securityContext was issued for another org than the orgId query parameter");
  return sealed;
}
