import { createHash, timingSafeEqual } from "node:crypto";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { every } from "hono/combine";
import { ipRestriction } from "hono/ip-restriction";
import { ADMIN_TOKEN_ENV } from "../constants.js";
import { EmulatorRequestError } from "../errors/emulator-request-error.js";

/** Options of `adminGuard`. */
export interface AdminGuardOptions {
  /** When set, every request must carry `Authorization: Bearer <token>` (for shared machines). */
  token?: string | undefined;
}

// A Host header is a name or an address, with an optional port; anything else is refused before it is parsed.
const HOST_SYNTAX = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;
const JSON_TYPE = /^application\/json\s*(?:;|$)/i;
const WRITES_WITH_BODY = new Set(["POST", "PUT", "PATCH"]);

const forbidden = (message: string, field?: string) =>
  new EmulatorRequestError({ status: 403, errorCode: "FORBIDDEN", message, field });

/** Whether a Host header names this machine: `localhost` (or a `.localhost` name), 127.0.0.0/8 or [::1]. */
export function isLoopbackHost(host: string): boolean {
  if (!HOST_SYNTAX.test(host)) return false;
  let hostname: string;
  try {
    hostname = new URL(`http://${host}`).hostname.toLowerCase();
  } catch {
    return false;
  }
  return (
    hostname === "localhost" ||
    hostname.endsWith(".localhost") ||
    hostname === "[::1]" ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}

/** The peer must be on this machine: 127.0.0.0/8 or ::1 (IPv4-mapped forms included), by hono's ip-restriction. */
const loopbackPeer = ipRestriction(
  (c: Context) => getConnInfo(c).remote.address ?? "0.0.0.0",
  { allowList: ["127.0.0.0/8", "::1"] },
  () => {
    throw forbidden("the emulator's admin API answers loopback clients only");
  },
);

/** Host a loopback name (DNS rebinding), no foreign Origin (cross-site pages), JSON writes (no simple CORS POST). */
const sameMachineRequest: MiddlewareHandler = async (c, next) => {
  const host = c.req.header("host") ?? "";
  if (!isLoopbackHost(host)) {
    throw forbidden(
      "the admin API answers only requests whose Host is a loopback name or address (localhost, 127.0.0.1, [::1])",
      "Host",
    );
  }
  const origin = c.req.header("origin");
  if (origin !== undefined && origin.toLowerCase() !== `http://${host.toLowerCase()}`) {
    throw forbidden("the admin API answers no request from another web origin", "Origin");
  }
  const type = c.req.header("content-type");
  const hasBody =
    c.req.header("content-length") !== undefined || c.req.header("transfer-encoding") !== undefined;
  const mustBeJson = WRITES_WITH_BODY.has(c.req.method) || (c.req.method === "DELETE" && hasBody);
  if (mustBeJson && (type === undefined || !JSON_TYPE.test(type))) {
    throw new EmulatorRequestError({
      status: 415,
      errorCode: "UNSUPPORTED_MEDIA_TYPE",
      message: "the admin API's writes take Content-Type: application/json only",
      field: "Content-Type",
    });
  }
  await next();
};

function digest(text: string): Buffer {
  return createHash("sha256").update(text, "utf8").digest();
}

function tokenCheck(token: string): MiddlewareHandler {
  const expected = digest(`Bearer ${token}`);
  return async (c, next) => {
    const given = c.req.header("authorization");
    // Compared as digests: constant time whatever the length given.
    if (given === undefined || !timingSafeEqual(digest(given), expected)) {
      throw new EmulatorRequestError({
        status: 401,
        errorCode: "UNAUTHORIZED",
        message: `the admin API needs Authorization: Bearer <token> (the token set with ${ADMIN_TOKEN_ENV})`,
        field: "Authorization",
      });
    }
    await next();
  };
}

/**
 * The one guard of everything under `/_emulator` (admin API and dashboard): the peer on loopback, a loopback `Host`,
 * no foreign `Origin`, writes as `application/json` only, and the admin token when one is set. Refusals are thrown
 * as `EmulatorRequestError` (403, 415, 401) and rendered by the app's error handler.
 *
 * @example
 * const dashboard = new Hono().use("*", adminGuard({ token: context.adminToken }));
 */
export function adminGuard(options: AdminGuardOptions = {}): MiddlewareHandler {
  const checks = [loopbackPeer, sameMachineRequest];
  if (options.token !== undefined && options.token !== "") checks.push(tokenCheck(options.token));
  return every(...checks);
}
