import { Hono } from "hono";
import { MY_PERMISSIONS_PATH } from "../constants.js";
import { EmulatorRequestError } from "../errors/emulator-request-error.js";
import { errorResponse, handleError } from "../http/error-response.js";
import { channelImportRoutes } from "./channel-import-routes.js";
import { configParamsRoutes } from "./config-params-routes.js";
import { contactsRoutes } from "./contacts-routes.js";
import { currentAgentRoutes } from "./current-agent-routes.js";
import { departmentsRoutes } from "./departments-routes.js";
import type { DeskApp, DeskEnv } from "./desk-env.js";
import { guardCaller } from "./guard-caller.js";
import { logsRoutes } from "./logs-routes.js";
import { myPermissionsRoutes } from "./my-permissions-routes.js";
import { organizationFieldsRoutes } from "./organization-fields-routes.js";
import { storageRoutes } from "./storage-routes.js";
import { ticketCommentsRoutes } from "./ticket-comments-routes.js";
import { ticketThreadsRoutes } from "./ticket-threads-routes.js";
import { ticketsRoutes } from "./tickets-routes.js";

/** The in-process Desk served for Desk-origin invoke targets; `env` carries the caller's installation. */
export function createDeskApp(): DeskApp {
  const app = new Hono<DeskEnv>();
  app.use("*", guardCaller);
  app.route("/api/v1/installedExtensions/:installationId/storage", storageRoutes());
  app.route("/api/v1/installedExtensions/:installationId/configParams", configParamsRoutes());
  app.route(MY_PERMISSIONS_PATH.replace("{installationId}", ":installationId"), myPermissionsRoutes());
  app.route("/api/v1/extensionLogs", logsRoutes());
  app.route("/api/v1/tickets/:ticketId/comments", ticketCommentsRoutes());
  app.route("/api/v1/tickets/:ticketId", ticketThreadsRoutes());
  app.route("/api/v1/tickets", ticketsRoutes());
  app.route("/api/v1/contacts", contactsRoutes());
  app.route("/api/v1/departments", departmentsRoutes());
  app.route("/api/v1/myinfo", currentAgentRoutes());
  app.route("/api/v1/channels/:installationId/import", channelImportRoutes());
  app.route("/api/v1/organizationFields", organizationFieldsRoutes());
  app.notFound((c) =>
    errorResponse(
      new EmulatorRequestError({
        status: 404,
        errorCode: "URL_NOT_FOUND",
        message: `${c.req.method} ${c.req.path} is not an API of this Desk`,
      }),
    ),
  );
  app.onError(handleError);
  return app;
}
