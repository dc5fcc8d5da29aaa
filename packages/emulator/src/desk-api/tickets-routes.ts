import type { Context } from "hono";
import { Hono } from "hono";
import { z } from "zod";
import { DESK_LIST_LIMITS } from "../constants.js";
import { newTicket } from "../desk-data/ticket-record.js";
import type { DeskRecord } from "../store/desk-record-store.js";
import type { DeskEnv } from "./desk-env.js";
import { listAnswer, readPage } from "./list-answer.js";
import { orgFields } from "./org-fields.js";
import { parseBody } from "./parse-body.js";
import { recordNotFound } from "./record-not-found.js";
import { checkTicketReferences, ticketCreateSchema, ticketUpdateSchema } from "./ticket-input.js";

const moveToTrashSchema = z.strictObject({
  ticketIds: z.array(z.string().min(1, "must not be empty")).min(1, "must name at least one ticket"),
});

/** A ticket with every custom ticket field of the org present in `cf` (null when unset). */
function withCustomFields(c: Context<DeskEnv>, ticket: DeskRecord): DeskRecord {
  const cf: Record<string, unknown> = {};
  for (const field of orgFields(c.env.context, c.env.caller.orgId, "tickets")) {
    if (field.isCustomField) cf[field.apiName] = null;
  }
  return { ...ticket, cf: { ...cf, ...(ticket["cf"] as Record<string, unknown> | undefined) } };
}

/** The caller's ticket `ticketId`, or 404. */
export function requireTicket(c: Context<DeskEnv>, ticketId: string): DeskRecord {
  const ticket = c.env.context.stores.desk.get(c.env.caller.orgId, "tickets", ticketId);
  if (!ticket) throw recordNotFound("ticket", ticketId);
  return ticket;
}

/** `/api/v1/tickets`: list (from/limit), get, create, update (PATCH) with `cf` custom fields, moveToTrash. */
export function ticketsRoutes(): Hono<DeskEnv> {
  const app = new Hono<DeskEnv>();

  app.get("/", (c) => {
    const page = readPage(c, DESK_LIST_LIMITS.tickets);
    const tickets = c.env.context.stores.desk.list(c.env.caller.orgId, "tickets", page);
    return listAnswer(
      c,
      tickets.map((ticket) => withCustomFields(c, ticket)),
    );
  });

  app.get("/:ticketId", (c) => c.json(withCustomFields(c, requireTicket(c, c.req.param("ticketId")))));

  app.post("/moveToTrash", async (c) => {
    const { ticketIds } = await parseBody(c, moveToTrashSchema, "moveToTrash request {ticketIds}");
    const { orgId } = c.env.caller;
    const { desk, db } = c.env.context.stores;
    for (const [index, id] of ticketIds.entries()) {
      if (!desk.get(orgId, "tickets", id)) throw recordNotFound("ticket", id, `ticketIds[${index}]`);
    }
    db.transaction(() => desk.trash(orgId, "tickets", ticketIds))();
    return c.body(null, 204);
  });

  app.post("/", async (c) => {
    const input = await parseBody(c, ticketCreateSchema, "ticket");
    const { orgId } = c.env.caller;
    checkTicketReferences(c.env.context, orgId, input);
    const { desk, db } = c.env.context.stores;
    const department = desk
      .list(orgId, "departments", { from: 0, limit: DESK_LIST_LIMITS.departments.maxLimit })
      .find((record) => record["isDefault"] === true);
    // A ticket of a contact takes the contact's email and phone unless it names its own [decision].
    const contact =
      typeof input.contactId === "string" ? desk.get(orgId, "contacts", input.contactId) : undefined;
    const time = new Date(c.env.context.now()).toISOString();
    const ticket = newTicket(
      desk,
      orgId,
      {
        departmentId: department?.id ?? null,
        email: contact?.["email"] ?? null,
        phone: contact?.["phone"] ?? null,
        ...input,
      },
      time,
    );
    db.transaction(() => desk.insert(orgId, "tickets", ticket))();
    return c.json(withCustomFields(c, ticket));
  });

  app.patch("/:ticketId", async (c) => {
    const existing = requireTicket(c, c.req.param("ticketId"));
    const input = await parseBody(c, ticketUpdateSchema, "ticket");
    const { orgId } = c.env.caller;
    checkTicketReferences(c.env.context, orgId, input);
    const updated: DeskRecord = {
      ...existing,
      ...input,
      modifiedTime: new Date(c.env.context.now()).toISOString(),
      cf: { ...(existing["cf"] as Record<string, unknown> | undefined), ...input.cf },
    };
    const { desk, db } = c.env.context.stores;
    db.transaction(() => desk.update(orgId, "tickets", updated))();
    return c.json(withCustomFields(c, updated));
  });

  return app;
}
