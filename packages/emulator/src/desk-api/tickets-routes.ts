import type { Context } from "hono";
import { Hono } from "hono";
import { EmulatorRequestError, unprocessable } from "../errors/emulator-request-error.js";
import { generateId } from "../store/generate-id.js";
import type { Ticket } from "../store/ticket-store.js";
import type { DeskEnv } from "./desk-env.js";
import { orgFields } from "./org-fields.js";
import { readJson } from "./read-json.js";
import { checkTicketInput } from "./ticket-input.js";

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 100;

/** A ticket with every custom ticket field of the org present in `cf` (null when unset). */
function withCustomFields(c: Context<DeskEnv>, ticket: Ticket): Ticket {
  const cf: Record<string, unknown> = {};
  for (const field of orgFields(c.env.context, c.env.caller.orgId, "tickets")) {
    if (field.isCustomField) cf[field.apiName] = null;
  }
  return { ...ticket, cf: { ...cf, ...(ticket["cf"] as Record<string, unknown> | undefined) } };
}

/** `/api/v1/tickets`: list (from/limit), get, create, update with `cf` custom fields. */
export function ticketsRoutes(): Hono<DeskEnv> {
  const app = new Hono<DeskEnv>();

  app.get("/", (c) => {
    const from = c.req.query("from") ?? "0";
    const limit = c.req.query("limit") ?? String(DEFAULT_LIMIT);
    if (!/^\d+$/.test(from)) throw unprocessable("from", "from must be an integer ≥ 0 (it counts from 0)");
    if (!/^\d+$/.test(limit) || Number(limit) < 1 || Number(limit) > MAX_LIMIT) {
      throw unprocessable("limit", `limit must be an integer from 1 to ${MAX_LIMIT}`);
    }
    const tickets = c.env.context.stores.tickets.list(c.env.caller.orgId, Number(from), Number(limit));
    return c.json({ data: tickets.map((ticket) => withCustomFields(c, ticket)) });
  });

  app.get("/:ticketId", (c) => {
    const ticket = c.env.context.stores.tickets.get(c.env.caller.orgId, c.req.param("ticketId"));
    if (!ticket)
      throw new EmulatorRequestError({
        status: 404,
        errorCode: "RESOURCE_NOT_FOUND",
        message: `ticket ${c.req.param("ticketId")} does not exist`,
      });
    return c.json(withCustomFields(c, ticket));
  });

  app.post("/", async (c) => {
    const body = await readJson(c);
    if (!body.ok) throw unprocessable("body", "the body must be JSON");
    const input = checkTicketInput(c.env.context, c.env.caller.orgId, body.value, true);
    if ("fieldName" in input) throw unprocessable(input.fieldName, input.message);
    const { tickets } = c.env.context.stores;
    const time = new Date(c.env.context.now()).toISOString();
    const ticket: Ticket = {
      id: generateId("6"),
      ticketNumber: tickets.nextNumber(c.env.caller.orgId),
      status: "Open",
      priority: null,
      channel: "Web",
      ...input.changes,
      createdTime: time,
      modifiedTime: time,
      cf: input.cf,
    };
    tickets.insert(c.env.caller.orgId, ticket);
    return c.json(withCustomFields(c, ticket));
  });

  app.patch("/:ticketId", async (c) => {
    const { tickets } = c.env.context.stores;
    const existing = tickets.get(c.env.caller.orgId, c.req.param("ticketId"));
    if (!existing)
      throw new EmulatorRequestError({
        status: 404,
        errorCode: "RESOURCE_NOT_FOUND",
        message: `ticket ${c.req.param("ticketId")} does not exist`,
      });
    const body = await readJson(c);
    if (!body.ok) throw unprocessable("body", "the body must be JSON");
    const input = checkTicketInput(c.env.context, c.env.caller.orgId, body.value, false);
    if ("fieldName" in input) throw unprocessable(input.fieldName, input.message);
    const updated: Ticket = {
      ...existing,
      ...input.changes,
      modifiedTime: new Date(c.env.context.now()).toISOString(),
      cf: { ...(existing["cf"] as Record<string, unknown> | undefined), ...input.cf },
    };
    tickets.update(c.env.caller.orgId, updated);
    return c.json(withCustomFields(c, updated));
  });

  return app;
}
