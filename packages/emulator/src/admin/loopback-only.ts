import { getConnInfo } from "@hono/node-server/conninfo";
import type { MiddlewareHandler } from "hono";

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/** The admin API hands out securityContexts: refuse it to anything but the local machine. */
export const loopbackOnly: MiddlewareHandler = async (c, next) => {
  const address = getConnInfo(c).remote.address ?? "";
  if (!LOOPBACK.test(address)) {
    return c.json(
      { errorCode: "FORBIDDEN", message: "the emulator's admin API answers loopback clients only" },
      403,
    );
  }
  await next();
  return undefined;
};
