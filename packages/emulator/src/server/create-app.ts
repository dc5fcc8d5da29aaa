import { Hono } from "hono";
import { adminRoutes } from "../admin/admin-routes.js";
import type { EmulatorContext } from "../context/emulator-context.js";
import { mountDashboard } from "../dashboard/mount-dashboard.js";
import { createDeskApp } from "../desk-api/create-desk-app.js";
import { EmulatorRequestError } from "../errors/emulator-request-error.js";
import { errorResponse, handleError } from "../http/error-response.js";
import type { InstallationService } from "../installations/installation-service.js";
import { createInvokeHandler } from "../invoke/handle-invoke.js";
import type { InvokeEvent } from "../invoke/invoke-event.js";

/** The emulator's HTTP app: the invoke endpoint, the admin API and the dashboard; every refusal rendered by `handleError`. */
export function createApp(
  context: EmulatorContext,
  service: InstallationService,
  onInvoke?: (event: InvokeEvent) => void,
): Hono {
  const app = new Hono();
  const recordInvoke = mountDashboard(app, context, service);
  app.post(
    "/api/v1/invoke",
    createInvokeHandler(context, createDeskApp(), (event, trace) => {
      recordInvoke(event, trace);
      onInvoke?.(event);
    }),
  );
  app.all("/api/v1/invoke", () => {
    throw new EmulatorRequestError({
      status: 405,
      errorCode: "METHOD_NOT_ALLOWED",
      message: "the invoke API takes POST only",
      headers: { Allow: "POST" },
    });
  });
  app.route("/_emulator", adminRoutes(context, service));
  app.notFound((c) =>
    errorResponse(
      new EmulatorRequestError({
        status: 404,
        errorCode: "URL_NOT_FOUND",
        message: `${c.req.method} ${c.req.path} is not served here`,
      }),
    ),
  );
  app.onError(handleError);
  return app;
}
