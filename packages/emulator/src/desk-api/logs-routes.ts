import { Hono } from "hono";
import { LOG_GROUP_MAX_ENTRIES, LOG_LIMITS, LOG_TTL_MS } from "../constants.js";
import { EmulatorRequestError, unprocessable } from "../errors/emulator-request-error.js";
import { logOutput } from "../installations/log-output.js";
import { generateId } from "../store/generate-id.js";
import type { DeskEnv } from "./desk-env.js";
import { rateLimited } from "./rate-limited.js";
import { readJson } from "./read-json.js";

// Characters as code points; the cheap UTF-16 length decides first (it is never smaller).
function checkLength(field: string, text: string, max: number): void {
  if (text.length <= max) return;
  const length = [...text].length;
  if (length > max) throw unprocessable(field, `${field} must be at most ${max} characters (got ${length})`);
}

/** `POST /api/v1/extensionLogs` (spec 2.3): parent/sub-log groups per reference, at most 10 each, 3-day expiry. */
export function logsRoutes(): Hono<DeskEnv> {
  const app = new Hono<DeskEnv>();

  app.post("/", async (c) => {
    const { context, caller } = c.env;
    const wait = context.rateLimiter.take(caller.installationId, "log");
    if (wait > 0) throw rateLimited(wait, "log");
    const body = await readJson(c);
    if (!body.ok || typeof body.value !== "object" || body.value === null || Array.isArray(body.value)) {
      throw unprocessable(
        "body",
        "the body must be a JSON object {title, description, reference?, installationId}",
      );
    }
    const { title, description, reference, installationId } = body.value as Record<string, unknown>;
    if (installationId === undefined) {
      throw unprocessable(
        "installationId",
        'installationId is required: write "installationId": "{{installationId}}"',
      );
    }
    if (String(installationId) !== caller.installationId) {
      throw new EmulatorRequestError({
        status: 403,
        errorCode: "FORBIDDEN",
        message: 'installationId is not the caller\'s: write "{{installationId}}"',
      });
    }
    if (typeof title !== "string" || title === "")
      throw unprocessable("title", "title must be a non-empty string");
    if (typeof description !== "string") throw unprocessable("description", "description must be a string");
    checkLength("title", title, LOG_LIMITS.titleMaxLength);
    checkLength("description", description, LOG_LIMITS.descriptionMaxLength);
    if (
      reference !== undefined &&
      reference !== null &&
      (typeof reference !== "string" || reference === "")
    ) {
      throw unprocessable("reference", "reference must be a non-empty string when given");
    }
    if (typeof reference === "string") checkLength("reference", reference, LOG_LIMITS.referenceMaxLength);

    const now = context.now();
    const { logs } = context.stores;
    const ref = typeof reference === "string" ? reference : null;
    return context.stores.db.transaction(() => {
      logs.purge(now - LOG_TTL_MS);
      const group = ref === null ? [] : logs.group(caller.installationId, ref);
      if (group.length >= LOG_GROUP_MAX_ENTRIES) {
        throw unprocessable(
          "reference",
          `a reference groups at most ${LOG_GROUP_MAX_ENTRIES} logs (1 parent + ${LOG_GROUP_MAX_ENTRIES - 1} sub logs); use a new reference`,
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
