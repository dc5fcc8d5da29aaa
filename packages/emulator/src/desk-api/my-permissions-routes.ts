import { Hono } from "hono";
import type { DeskEnv } from "./desk-env.js";

/** `GET {MY_PERMISSIONS_PATH}`: `{data: [{apiName, isEnabled}]}` (spec 2.4). */
export function myPermissionsRoutes(): Hono<DeskEnv> {
  const app = new Hono<DeskEnv>();
  app.get("/", (c) => c.json({ data: c.env.context.stores.permissions.list(c.env.caller.installationId) }));
  return app;
}
