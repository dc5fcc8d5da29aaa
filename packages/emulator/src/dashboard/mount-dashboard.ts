import type { Hono } from "hono";
import { adminGuard } from "../admin/admin-guard.js";
import type { EmulatorContext } from "../context/emulator-context.js";
import type { InstallationService } from "../installations/installation-service.js";
import type { InvokeEvent } from "../invoke/invoke-event.js";
import type { InvokeTrace } from "../invoke/invoke-trace.js";
import { ChangeFeed } from "./change-feed.js";
import { dashboardApi } from "./dashboard-api.js";
import { DASHBOARD_ASSETS, type DashboardAsset, dashboardAsset } from "./dashboard-assets.js";
import { InvocationHistory } from "./invocation-history.js";
import { renderPage } from "./render-page.js";

// The page loads only its own files and talks only to its own origin.
const PAGE_HEADERS = {
  "Content-Security-Policy":
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
};

/**
 * Mounts the dashboard on the root app: the page at `/_emulator/`, its files at `/_emulator/assets/`, its JSON and
 * live stream at `/_emulator/dashboard/`, each behind the admin API's `adminGuard`. Answers the hook the invoke
 * handler calls, which records every call for the page.
 */
export function mountDashboard(
  app: Hono,
  context: EmulatorContext,
  service: InstallationService,
): (event: InvokeEvent, trace: InvokeTrace) => void {
  // The admin API's guard, registered here because these routes come before the admin routes. The page and its
  // files hold no data: they pass every check but the admin token (a browser cannot send it on a navigation); the
  // page then asks for the token and sends it with every data request.
  const guard = adminGuard({ token: context.adminToken });
  const shellGuard = adminGuard();
  const history = new InvocationHistory(context);
  const changes = new ChangeFeed(context.stores.db);
  app.use("/_emulator", shellGuard);
  app.use("/_emulator/", shellGuard);
  app.use("/_emulator/assets/*", shellGuard);
  app.use("/_emulator/dashboard/*", guard);
  app.get("/_emulator", (c) => c.redirect("/_emulator/"));
  app.get("/_emulator/", (c) => c.html(renderPage(context.extensionName), 200, PAGE_HEADERS));
  app.get("/_emulator/assets/:name", (c) => {
    const name = c.req.param("name");
    if (!Object.hasOwn(DASHBOARD_ASSETS, name)) return c.notFound();
    return c.body(dashboardAsset(name as DashboardAsset), 200, {
      ...PAGE_HEADERS,
      "Content-Type": DASHBOARD_ASSETS[name as DashboardAsset],
    });
  });
  app.route("/_emulator/dashboard", dashboardApi(context, service, history, changes));
  return (event, trace) => history.record(event, trace);
}
