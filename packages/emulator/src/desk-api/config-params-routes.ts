import { Hono } from "hono";
import { MASKED_CONFIG_VALUE } from "../constants.js";
import type { EmulatorContext } from "../server/emulator-context.js";
import type { DeskEnv } from "./desk-env.js";
import { invalidField, readJson } from "./desk-error.js";

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,49}$/;

/** name/value pairs of an installation, secure values masked [decision]. */
export function maskedConfig(
  context: EmulatorContext,
  installationId: string,
): { name: string; value: string }[] {
  const secure = new Set(
    (context.manifest.config ?? []).filter((param) => param.secure).map((param) => param.name),
  );
  return Object.entries(context.stores.config.all(installationId)).map(([name, value]) => ({
    name,
    value: secure.has(name) && value !== "" ? MASKED_CONFIG_VALUE : value,
  }));
}

/** `/api/v1/installedExtensions/:installationId/configParams`: get (masked) and add/update (spec 2.2). */
export function configParamsRoutes(): Hono<DeskEnv> {
  const app = new Hono<DeskEnv>();

  app.get("/", (c) => c.json({ data: maskedConfig(c.env.context, c.env.caller.installationId) }));

  app.post("/", async (c) => {
    const body = await readJson(c);
    const variables = body.ok ? (body.value as { variables?: unknown } | null)?.variables : undefined;
    if (!Array.isArray(variables)) {
      return invalidField(
        c,
        "variables",
        'the body must be {"variables": [{"name": "...", "value": "..."}]}',
      );
    }
    const values: Record<string, string> = {};
    for (const [index, variable] of variables.entries()) {
      const { name, value } = (variable ?? {}) as { name?: unknown; value?: unknown };
      if (typeof name !== "string" || !NAME.test(name)) {
        return invalidField(
          c,
          `variables[${index}].name`,
          "name must be 1 to 50 letters, digits or _, not starting with a digit",
        );
      }
      if (typeof value !== "string")
        return invalidField(c, `variables[${index}].value`, "value must be a string");
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
