import { Hono } from "hono";
import { unprocessable } from "../errors/emulator-request-error.js";
import { maskedConfig } from "../installations/masked-config.js";
import type { DeskEnv } from "./desk-env.js";
import { readJson } from "./read-json.js";

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,49}$/;

/** `/api/v1/installedExtensions/:installationId/configParams`: get (masked) and add/update (spec 2.2). */
export function configParamsRoutes(): Hono<DeskEnv> {
  const app = new Hono<DeskEnv>();

  app.get("/", (c) => c.json({ data: maskedConfig(c.env.context, c.env.caller.installationId) }));

  app.post("/", async (c) => {
    const body = await readJson(c);
    const variables = body.ok ? (body.value as { variables?: unknown } | null)?.variables : undefined;
    if (!Array.isArray(variables)) {
      throw unprocessable("variables", 'the body must be {"variables": [{"name": "...", "value": "..."}]}');
    }
    const values: Record<string, string> = {};
    for (const [index, variable] of variables.entries()) {
      const { name, value } = (variable ?? {}) as { name?: unknown; value?: unknown };
      if (typeof name !== "string" || !NAME.test(name)) {
        throw unprocessable(
          `variables[${index}].name`,
          "name must be 1 to 50 letters, digits or _, not starting with a digit",
        );
      }
      if (typeof value !== "string")
        throw unprocessable(`variables[${index}].value`, "value must be a string");
      values[name] = value;
    }
    const { stores } = c.env.context;
    stores.db.transaction(() => stores.config.set(c.env.caller.installationId, values))();
    const names = new Set(Object.keys(values));
    return c.json({
      data: maskedConfig(c.env.context, c.env.caller.installationId).filter((param) => names.has(param.name)),
    });
  });

  return app;
}
