import type { Context } from "hono";
import { Hono } from "hono";
import { ADMIN_BODY_LIMIT_BYTES, EMULATOR_VERSION } from "../constants.js";
import type { EmulatorContext } from "../context/emulator-context.js";
import { resetDeskData } from "../desk-data/reset-desk-data.js";
import { EmulatorRequestError } from "../errors/emulator-request-error.js";
import { errorResponse } from "../http/error-response.js";
import { readLimitedBody } from "../http/read-limited-body.js";
import type { InstallationService } from "../installations/installation-service.js";
import { listLogs } from "../installations/list-logs.js";
import { maskedConfig } from "../installations/masked-config.js";
import { adminGuard } from "./admin-guard.js";

async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  const bytes = await readLimitedBody(
    c.req.raw.body,
    c.req.header("content-length") ?? null,
    ADMIN_BODY_LIMIT_BYTES,
    () =>
      new EmulatorRequestError({
        status: 413,
        errorCode: "PAYLOAD_TOO_LARGE",
        message: `the admin API takes bodies of at most ${ADMIN_BODY_LIMIT_BYTES} bytes`,
        headers: { Connection: "close" },
      }),
  );
  const text = new TextDecoder().decode(bytes);
  if (text.trim() === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new EmulatorRequestError({
      status: 400,
      errorCode: "INVALID_JSON",
      message: "the request body must be JSON",
    });
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new EmulatorRequestError({
      status: 400,
      errorCode: "INVALID_JSON",
      message: "the request body must be a JSON object",
    });
  }
  return value as Record<string, unknown>;
}

function optionalString(value: unknown, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string")
    throw new EmulatorRequestError({
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      message: `${field} must be a string`,
      field: field,
    });
  return value;
}

/** `/_emulator/...`: the admin HTTP API of the contract, used by the CLI; behind `adminGuard`. */
export function adminRoutes(context: EmulatorContext, service: InstallationService): Hono {
  const app = new Hono();
  app.use("*", adminGuard({ token: context.adminToken }));

  app.get("/health", (c) =>
    c.json({ ok: true, version: EMULATOR_VERSION, extension: context.extensionName }),
  );

  app.get("/installations", (c) =>
    c.json({
      data: context.stores.installations.list().map((row) => ({
        installationId: row.installationId,
        orgId: row.orgId,
        installedAt: new Date(row.installedAt).toISOString(),
      })),
    }),
  );

  app.post("/installations", async (c) => {
    const body = await jsonBody(c);
    const installation = await service.install({
      orgId: optionalString(body["orgId"], "orgId"),
      config: body["config"] as Record<string, string> | undefined,
      permissions: body["permissions"] as Record<string, boolean> | undefined,
    });
    return c.json(installation, 201);
  });

  app.delete("/installations/:installationId", async (c) => {
    const installationId = c.req.param("installationId");
    return c.json({ installationId, callbacks: await service.uninstall(installationId) });
  });

  app.put("/installations/:installationId/config", async (c) => {
    const installationId = c.req.param("installationId");
    const callbacks = await service.setConfig(
      installationId,
      (await jsonBody(c))["values"] as Record<string, string>,
    );
    return c.json({ data: maskedConfig(context, installationId), callbacks });
  });

  app.put("/installations/:installationId/permissions", async (c) => {
    const states = (await jsonBody(c))["states"] as Record<string, boolean>;
    return c.json({ data: service.setPermissions(c.req.param("installationId"), states) });
  });

  app.post("/installations/:installationId/trigger", async (c) => {
    const body = await jsonBody(c);
    const payload = body["payload"];
    if (
      payload !== undefined &&
      typeof payload !== "string" &&
      (typeof payload !== "object" || payload === null)
    ) {
      throw new EmulatorRequestError({
        status: 422,
        errorCode: "UNPROCESSABLE_ENTITY",
        message: "payload must be a JSON object or a string",
        field: "payload",
      });
    }
    const event = optionalString(body["event"], "event") ?? "";
    return c.json(
      await service.trigger(event, c.req.param("installationId"), payload as object | string | undefined),
    );
  });

  app.get("/logs", (c) => {
    const limit = Number(c.req.query("limit") ?? "50");
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
      throw new EmulatorRequestError({
        status: 422,
        errorCode: "UNPROCESSABLE_ENTITY",
        message: "limit must be an integer from 1 to 1000",
        field: "limit",
      });
    }
    return c.json({ data: listLogs(context, c.req.query("installationId"), limit) });
  });

  app.post("/orgs/:orgId/reset-data", async (c) => {
    await jsonBody(c);
    const orgId = c.req.param("orgId");
    return c.json({ orgId, counts: resetDeskData(context, orgId) });
  });

  app.get("/callbacks", (c) =>
    c.json({ data: context.stores.callbacks.list(c.req.query("installationId")) }),
  );

  app.notFound((c) =>
    errorResponse(
      new EmulatorRequestError({
        status: 404,
        errorCode: "URL_NOT_FOUND",
        message: `${c.req.method} ${c.req.path} is not an admin API`,
      }),
    ),
  );
  return app;
}
