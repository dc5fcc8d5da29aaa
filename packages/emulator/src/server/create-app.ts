import { Hono } from "hono";
import { adminRoutes } from "../admin/admin-routes.js";
import { createDeskApp } from "../desk-api/create-desk-app.js";
import type { InstallationService } from "../installations/installation-service.js";
import { createInvokeHandler } from "../invoke/handle-invoke.js";
import type { InvokeEvent } from "../invoke/invoke-event.js";
import type { EmulatorContext } from "./emulator-context.js";

/** The emulator's HTTP app: the invoke endpoint and the admin API. */
export function createApp(
  context: EmulatorContext,
  service: InstallationService,
  onInvoke?: (event: InvokeEvent) => void,
): Hono {
  const app = new Hono();
  app.post("/api/v1/invoke", createInvokeHandler(context, createDeskApp(), onInvoke));
  app.all("/api/v1/invoke", (c) =>
    c.json({ errorCode: "METHOD_NOT_ALLOWED", message: "the invoke API takes POST only" }, 405, {
      Allow: "POST",
    }),
  );
  app.route("/_emulator", adminRoutes(context, service));
  app.notFound((c) =>
    c.json({ errorCode: "URL_NOT_FOUND", message: `${c.req.method} ${c.req.path} is not served here` }, 404),
  );
  app.onError((error, c) => {
    // Never echo request data: the message could hold a HASH or securityContext.
    console.error("@desk/emulator: internal error", error instanceof Error ? error.name : "unknown");
    return c.json(
      { errorCode: "INTERNAL_SERVER_ERROR", message: "the emulator failed on this request" },
      500,
    );
  });
  return app;
}
