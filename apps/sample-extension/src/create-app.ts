import { type CreateDeskOptions, createCallbackHandler, createDesk, type InstallationStore } from "@desk/sdk";
import { callbackHooks } from "./callback-hooks.js";
import { escalateTicket } from "./escalate-ticket.js";
import { json } from "./json-response.js";
import { listEscalations } from "./list-escalations.js";
import { listTickets } from "./list-tickets.js";

/**
 * What the app needs: the SDK options, where installations live, a clock and a line printer.
 *
 * @example
 * const options: AppOptions = { desk: { secret }, store: createMemoryInstallationStore(), now: () => new Date(), say: console.log };
 */
export interface AppOptions {
  desk: CreateDeskOptions;
  store: InstallationStore;
  now: () => Date;
  say: (line: string) => void;
}

const TICKET_ID = /^\d{1,20}$/;

/**
 * The whole extension as one web handler (`Request -> Response`), so any server can run it: node:http here,
 * a worker or Hono elsewhere.
 *
 * Routes:
 * - `POST /desk/callbacks/*`            platform events (the manifest's callbackListener URLs)
 * - `GET  /tickets?orgId=`              the org's tickets, read from Desk
 * - `POST /escalate/:ticketId?orgId=`   escalate a ticket
 * - `GET  /escalations?orgId=`          stored escalations
 *
 * The org comes from `?orgId=` to keep the sample short. A real extension must authenticate whoever calls these
 * routes (e.g. its widget, with a token of its own) before acting for an org.
 *
 * @example
 * const app = createApp({ desk: { secret }, store, now: () => new Date(), say: console.log });
 * const response = await app(new Request("http://localhost/escalations?orgId=12345"));
 */
export function createApp(options: AppOptions): (request: Request) => Promise<Response> {
  const desk = createDesk(options.desk);
  const callbacks = createCallbackHandler({
    desk,
    store: options.store,
    on: callbackHooks(options.say),
    onError: (error) => options.say(`callback hook failed: ${(error as Error).message}`),
  });

  return async (request) => {
    const url = new URL(request.url);
    if (url.pathname.startsWith("/desk/callbacks/")) return callbacks(request);

    const orgId = url.searchParams.get("orgId") ?? "";
    const record = await options.store.get(orgId);
    if (!record)
      return json(404, { error: "not_installed", message: "the extension is not installed in this org" });
    const inst = desk.installation(record);

    try {
      const escalate = /^\/escalate\/([^/]+)$/.exec(url.pathname);
      if (request.method === "POST" && escalate) {
        const ticketId = escalate[1] ?? "";
        if (!TICKET_ID.test(ticketId))
          return json(400, { error: "bad_request", message: "ticketId must be digits" });
        return await escalateTicket(inst, ticketId, options.now());
      }
      if (request.method === "GET" && url.pathname === "/escalations") return await listEscalations(inst);
      if (request.method === "GET" && url.pathname === "/tickets") return await listTickets(inst);
    } catch (error) {
      // @desk errors never hold a secret or securityContext, so their message is safe to print.
      options.say(`request failed: ${(error as Error).message}`);
      return json(502, { error: "desk_error" });
    }
    return json(404, { error: "not_found" });
  };
}
