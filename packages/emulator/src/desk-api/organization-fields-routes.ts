import { Hono } from "hono";
import { EmulatorRequestError, unprocessable } from "../errors/emulator-request-error.js";
import type { DeskEnv } from "./desk-env.js";
import { orgFields } from "./org-fields.js";

const MODULES = ["tickets", "contacts", "accounts", "tasks", "calls", "events", "products"];

/** `/api/v1/organizationFields`: list by module, get by id (the extension's custom fields included). */
export function organizationFieldsRoutes(): Hono<DeskEnv> {
  const app = new Hono<DeskEnv>();

  app.get("/", (c) => {
    const module = c.req.query("module");
    if (module === undefined || !MODULES.includes(module)) {
      throw unprocessable("module", `module is required: one of ${MODULES.join(", ")}`);
    }
    return c.json({ data: orgFields(c.env.context, c.env.caller.orgId, module) });
  });

  app.get("/:fieldId", (c) => {
    const fieldId = c.req.param("fieldId");
    for (const module of MODULES) {
      const field = orgFields(c.env.context, c.env.caller.orgId, module).find((item) => item.id === fieldId);
      if (field) return c.json(field);
    }
    throw new EmulatorRequestError({
      status: 404,
      errorCode: "RESOURCE_NOT_FOUND",
      message: `field ${fieldId} does not exist in this org`,
    });
  });

  return app;
}
