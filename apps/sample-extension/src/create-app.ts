import { type CreateDeskOptions, createCallbackHandler, createDesk, type InstallationStore } from "@desk/sdk";
import { authenticate } from "./authenticate.js";
import { callbackHooks } from "./callback-hooks.js";
import { escalateTicket } from "./escalate-ticket.js";
import { json } from "./json-response.js";
import { listEscalations } from "./list-escalations.js";
import { listTickets } from "./list-tickets.js";
import { serveAppFile } from "./serve-app-file.js";
import { deriveWidgetTokenKey } from "./widget-token.js";

/**
 * What the app needs: the SDK options, where installations live, the tracker, a clock and a line printer.
 *
 * @example
 * const options: AppOptions = {
 *   desk: { secret }, store: createMemoryInstallationStore(), trackerUrl: "http://127.0.0.1:4300",
 *   now: () => new Date(), say: console.log,
 * };
 */
export interface AppOptions {
  desk: CreateDeskOptions;
  store: InstallationStore;
  /** The tracker's origin, as whitelisted in plugin-manifest.json. */
  trackerUrl: string;
  /** Key of the widget tokens. Default: derived from the manifest secret (`deriveWidgetTokenKey`). */
  widgetTokenKey?: Uint8Array;
  now: () => Date;
  say: (line: string) => void;
}

const TICKET_ID = /^\d{1,20}$/;
// The widget runs on Desk's origin in production and calls this server: tokens, not cookies, so any origin may
// call; without a valid token it gets a 401.
const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Headers": "Authorization, Content-Type",
  "Access-Control-Allow-Methods": "GET, POST",
  "Access-Control-Max-Age": "600",
};

/** The secret invoke calls are signed with: `secret`, or the first of a rotation list. */
export function signingSecret(desk: CreateDeskOptions): string {
  return (typeof desk.secret === "string" ? desk.secret : desk.secret[0]) ?? "";
}

/**
 * The whole extension as one web handler (`Request -> Response`), so any server can run it: node:http here,
 * a worker or Hono elsewhere.
 *
 * Routes:
 * - `POST /desk/callbacks/*`        platform events (the manifest's callbackListener URLs), HASH-verified
 * - `GET  /app/*`                   the widget files (for local work; Desk serves them from the zip)
 * - `GET  /tickets`                 the org's tickets, read from Desk             (widget token)
 * - `POST /escalate/:ticketId`      escalate a ticket                              (widget token)
 * - `GET  /escalations`             stored escalations                             (widget token)
 *
 * The API routes take the org and the user from the widget token (`Authorization: Bearer ...`), never from the URL.
 *
 * @example
 * const app = createApp({ desk: { secret }, store, trackerUrl, now: () => new Date(), say: console.log });
 * const response = await app(new Request("http://localhost/escalations", { headers: { Authorization: `Bearer ${token}` } }));
 */
export function createApp(options: AppOptions): (request: Request) => Promise<Response> {
  const desk = createDesk(options.desk);
  const tokens = {
    key: options.widgetTokenKey ?? deriveWidgetTokenKey(signingSecret(options.desk)),
    now: options.now,
  };
  const callbacks = createCallbackHandler({
    desk,
    store: options.store,
    on: callbackHooks(options.say),
    onError: (error) => options.say(`callback hook failed: ${(error as Error).message}`),
  });

  async function api(request: Request, url: URL): Promise<Response> {
    const caller = authenticate(request, tokens);
    if (caller instanceof Response) return caller;
    const record = await options.store.get(caller.orgId);
    if (!record)
      return json(404, { error: "not_installed", message: "the extension is not installed in this org" });
    const inst = desk.installation(record);

    try {
      const escalate = /^\/escalate\/([^/]+)$/.exec(url.pathname);
      if (request.method === "POST" && escalate) {
        const ticketId = escalate[1] ?? "";
        if (!TICKET_ID.test(ticketId))
          return json(400, { error: "bad_request", message: "ticketId must be digits" });
        return await escalateTicket(inst, {
          ticketId,
          userId: caller.userId,
          trackerUrl: options.trackerUrl,
          now: options.now(),
        });
      }
      if (request.method === "GET" && url.pathname === "/escalations") return await listEscalations(inst);
      if (request.method === "GET" && url.pathname === "/tickets") return await listTickets(inst);
    } catch (error) {
      // @desk errors never hold a secret or securityContext, so their message is safe to print.
      options.say(`request failed: ${(error as Error).message}`);
      return json(502, { error: "desk_error" });
    }
    return json(404, { error: "not_found" });
  }

  return async (request) => {
    const url = new URL(request.url);
    if (url.pathname.startsWith("/desk/callbacks/")) return callbacks(request);
    if (request.method === "GET" && url.pathname.startsWith("/app/")) return serveAppFile(url.pathname);
    if (request.method === "OPTIONS") return new Response(null, { status: 204, headers: CORS });
    const response = await api(request, url);
    for (const [name, value] of Object.entries(CORS)) response.headers.set(name, value);
    return response;
  };
}
