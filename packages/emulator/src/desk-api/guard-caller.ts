import type { MiddlewareHandler } from "hono";
import { EmulatorRequestError } from "../errors/emulator-request-error.js";
import type { DeskEnv } from "./desk-env.js";

/**
 * Refuses (403) an `orgId` header that differs from the caller's org and an installation id in the path (extension data,
 * channel import) that is not the caller's own: one installation never reaches another's data (spec 2.1).
 */
export const guardCaller: MiddlewareHandler<DeskEnv> = async (c, next) => {
  const { caller } = c.env;
  const orgId = c.req.header("orgId");
  if (orgId !== undefined && orgId !== caller.orgId) {
    throw new EmulatorRequestError({
      status: 403,
      errorCode: "FORBIDDEN",
      message: "the orgId header names another org than the securityContext's",
      field: "orgId",
    });
  }
  const match = /^\/api\/v1\/(?:installedExtensions|channels)\/([^/]+)(?:\/|$)/.exec(c.req.path);
  if (match && decodeURIComponent(match[1]!) !== caller.installationId) {
    throw new EmulatorRequestError({
      status: 403,
      errorCode: "FORBIDDEN",
      message:
        "this installation id is not the caller's: write {{installationId}} in the URL and Desk substitutes the caller's own",
    });
  }
  await next();
  return undefined;
};
