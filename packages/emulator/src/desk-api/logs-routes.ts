import { Hono } from "hono";
import { LOG_TTL_MS, MAX_LOGS_PER_REFERENCE } from "../constants.js";
import { generateId } from "../store/generate-id.js";
import type { DeskEnv } from "./desk-env.js";
import { deskError, invalidField, readJson } from "./desk-error.js";
import { logOutput } from "./log-output.js";

/** `POST /api/v1/extensionLogs` (spec 2.3): parent/sub-log groups per reference, at most 10 each, 3-day expiry. */
export function logsRoutes(): Hono<DeskEnv> {
  const app = new Hono<DeskEnv>();

  app.post("/", async (c) => {
    const { context, caller } = c.env;
    const body = await readJson(c);
    if (!body.ok || typeof body.value !== "object" || body.value === null || Array.isArray(body.value)) {
      return invalidField(
        c,
        "body",
        "the body must be a JSON object {title, description, reference?, installationId}",
      );
    }
    const { title, description, reference, installationId } = body.value as Record<string, unknown>;
    if (installationId === undefined) {
      return invalidField(
        c,
        "installationId",
        'installationId is required: write "installationId": "{{installationId}}"',
      );
    }
    if (String(installationId) !== caller.installationId) {
      return deskError(
        c,
        403,
        "FORBIDDEN",
        'installationId is not the caller\'s: write "{{installationId}}"',
      );
    }
    if (typeof title !== "string" || title === "")
      return invalidField(c, "title", "title must be a non-empty string");
    if (typeof description !== "string")
      return invalidField(c, "description", "description must be a string");
    if (
      reference !== undefined &&
      reference !== null &&
      (typeof reference !== "string" || reference === "")
    ) {
      return invalidField(c, "reference", "reference must be a non-empty string when given");
    }

    const now = context.now();
    const { logs } = context.stores;
    const ref = typeof reference === "string" ? reference : null;
    return context.stores.db.transaction(() => {
      logs.purge(now - LOG_TTL_MS);
      const group = ref === null ? [] : logs.group(caller.installationId, ref);
      if (group.length >= MAX_LOGS_PER_REFERENCE) {
        return invalidField(
          c,
          "reference",
          `a reference groups at most ${MAX_LOGS_PER_REFERENCE} logs (1 parent + ${MAX_LOGS_PER_REFERENCE - 1} sub logs); use a new reference`,
        );
      }
      const row = {
        logId: generateId("8"),
        installationId: caller.installationId,
        reference: ref,
        parentLogId: group[0]?.logId ?? null,
        title,
        description,
        logTime: now,
      };
      logs.insert(row);
      return c.json(logOutput(row, context.extensionName));
    })();
  });

  return app;
}
