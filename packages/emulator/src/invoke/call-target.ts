import { Readable } from "node:stream";
import {
  DESK_ORIGINS,
  FOLLOW_REDIRECTS_INTO_DESK,
  MAX_REDIRECTS,
  TARGET_RESPONSE_LIMIT_BYTES,
} from "../constants.js";
import type { EmulatorContext } from "../context/emulator-context.js";
import type { DeskApp, DeskCaller } from "../desk-api/desk-env.js";
import { EmulatorRequestError } from "../errors/emulator-request-error.js";
import { startDeadline } from "../http/deadline.js";
import { readLimitedBody } from "../http/read-limited-body.js";
import { type SentAnswer, sendRequest } from "../http/send-request.js";
import { checkWhitelist } from "./check-whitelist.js";
import type { TargetResponse } from "./target-response.js";

/** One outgoing call of the invoke proxy. */
export interface TargetCall {
  method: string;
  url: URL;
  headers: Headers;
  body: string | undefined;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Serves Desk-origin URLs in-process and forwards the rest with a timeout over the whole call; redirects are
 * followed by hand, only to whitelisted origins, never from a third-party origin into Desk
 * (FOLLOW_REDIRECTS_INTO_DESK), at most MAX_REDIRECTS times.
 */
export async function callTarget(
  context: EmulatorContext,
  deskApp: DeskApp,
  caller: DeskCaller,
  call: TargetCall,
): Promise<TargetResponse> {
  const deadline = startDeadline(context.targetTimeoutMs);
  try {
    return await follow(context, deskApp, caller, call, deadline.signal);
  } finally {
    deadline.clear();
  }
}

async function follow(
  context: EmulatorContext,
  deskApp: DeskApp,
  caller: DeskCaller,
  call: TargetCall,
  signal: AbortSignal,
): Promise<TargetResponse> {
  let current = call;
  for (let hop = 0; ; hop++) {
    const response = DESK_ORIGINS.includes(current.url.origin)
      ? await deskApp.fetch(toRequest(current), { context, caller })
      : await forward(context, current, signal);
    const location = response.headers.get("location");
    if (!REDIRECTS.has(response.status) || location === null) {
      return {
        status: response.status,
        headers: response.headers,
        body: await readBody(response, signal, context),
      };
    }
    await discard(response);
    if (hop >= MAX_REDIRECTS) {
      throw new EmulatorRequestError({
        status: 502,
        errorCode: "TARGET_UNREACHABLE",
        message: `the target redirected more than ${MAX_REDIRECTS} times`,
      });
    }
    current = nextHop(context, current, response.status, location);
  }
}

/** What Desk in-process (a web Response) or a forwarded call (node:http's answer, a Node stream) answered. */
type Answer = Pick<Response, "status" | "headers"> & { body: ReadableStream<Uint8Array> | Readable | null };

/** Drops an answer's body unread; a forwarded one's socket is closed with it. */
async function discard(answer: Answer): Promise<void> {
  if (answer.body instanceof Readable) answer.body.destroy();
  else await answer.body?.cancel().catch(() => undefined);
}

function toRequest(call: TargetCall): Request {
  return new Request(call.url, { method: call.method, headers: call.headers, body: call.body ?? null });
}

async function forward(context: EmulatorContext, call: TargetCall, signal: AbortSignal): Promise<SentAnswer> {
  try {
    return await sendRequest(call.url, {
      method: call.method,
      headers: call.headers,
      body: call.body,
      signal,
      agents: context.agents,
    });
  } catch (error) {
    throw failureOf(error, call.url, context.targetTimeoutMs);
  }
}

async function readBody(
  response: Answer,
  signal: AbortSignal,
  context: EmulatorContext,
): Promise<Uint8Array> {
  try {
    return await readLimitedBody(
      response.body,
      response.headers.get("content-length"),
      TARGET_RESPONSE_LIMIT_BYTES,
      () =>
        new EmulatorRequestError({
          status: 502,
          errorCode: "TARGET_UNREACHABLE",
          message: `the target's response is larger than ${TARGET_RESPONSE_LIMIT_BYTES} bytes`,
        }),
    );
  } catch (error) {
    // An answer refused before its end (declared too large) still holds its socket: cancelling closes it.
    await discard(response);
    if (error instanceof EmulatorRequestError) throw error;
    throw failureOf(signal.aborted ? signal.reason : error, undefined, context.targetTimeoutMs);
  }
}

function failureOf(error: unknown, url: URL | undefined, timeoutMs: number): EmulatorRequestError {
  if ((error as Error | undefined)?.name === "TimeoutError") {
    return new EmulatorRequestError({
      status: 504,
      errorCode: "TARGET_TIMEOUT",
      message: `the target did not answer within ${timeoutMs} ms`,
    });
  }
  const cause = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
  const code = cause ? ` (${cause})` : "";
  let message: string;
  // Node's HTTP parser names its refusals HPE_*: bytes came back, but not an HTTP answer.
  if (cause?.startsWith("HPE_")) message = `the target's answer is not valid HTTP${code}`;
  else if (url === undefined) message = `the target's answer broke off before its end${code}`;
  else message = `the target ${url.origin} could not be reached${code}`;
  return new EmulatorRequestError({ status: 502, errorCode: "TARGET_UNREACHABLE", message });
}

function nextHop(context: EmulatorContext, call: TargetCall, status: number, location: string): TargetCall {
  let url: URL;
  try {
    url = new URL(location, call.url);
  } catch {
    throw new EmulatorRequestError({
      status: 502,
      errorCode: "TARGET_UNREACHABLE",
      message: "the target redirected to an invalid URL",
    });
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new EmulatorRequestError({
      status: 403,
      errorCode: "DOMAIN_NOT_WHITELISTED",
      message: `the target redirected to a ${url.protocol} URL`,
    });
  }
  checkWhitelist(context.manifest, url, "a redirect's");
  if (
    !FOLLOW_REDIRECTS_INTO_DESK &&
    DESK_ORIGINS.includes(url.origin) &&
    !DESK_ORIGINS.includes(call.url.origin)
  ) {
    // Followed, it would run with the caller's installation: a third party would choose whose data is reached.
    throw new EmulatorRequestError({
      status: 403,
      errorCode: "REDIRECT_REFUSED",
      message: `the target ${call.url.origin} redirected into Desk (${url.origin}): Desk never follows a redirect from a third-party origin into its own APIs; call Desk's URL directly`,
    });
  }
  const headers = new Headers(call.headers);
  // The connection's token is for the origin the developer named, never for another one.
  if (url.origin !== call.url.origin) headers.delete("authorization");
  const becomesGet = status === 303 || ((status === 301 || status === 302) && call.method === "POST");
  if (becomesGet) {
    headers.delete("content-type");
    return {
      method: status === 303 && call.method === "HEAD" ? "HEAD" : "GET",
      url,
      headers,
      body: undefined,
    };
  }
  return { ...call, url, headers };
}
