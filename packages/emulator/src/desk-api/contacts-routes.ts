import type { Context } from "hono";
import { Hono } from "hono";
import { z } from "zod";
import { DESK_LIST_LIMITS } from "../constants.js";
import { newContact } from "../desk-data/contact-record.js";
import type { DeskRecord } from "../store/desk-record-store.js";
import type { DeskEnv } from "./desk-env.js";
import { listAnswer, readPage } from "./list-answer.js";
import { parseBody } from "./parse-body.js";
import { recordNotFound } from "./record-not-found.js";

const text = z
  .string({ error: "must be a string or null" })
  .max(255, "must be at most 255 characters")
  .nullable();
const email = z.email({ error: "must be an email address" }).nullable();

/** A contact update body (PATCH): Desk's writable contact fields, each optional. */
const updateSchema = z.strictObject({
  firstName: text.optional(),
  lastName: z
    .string({ error: "must be a string" })
    .min(1, "must not be empty")
    .max(80, "must be at most 80 characters")
    .optional(),
  email: email.optional(),
  secondaryEmail: email.optional(),
  phone: text.optional(),
  mobile: text.optional(),
  title: text.optional(),
  type: text.optional(),
  description: z.string({ error: "must be a string or null" }).nullable().optional(),
  accountId: text.optional(),
  city: text.optional(),
  country: text.optional(),
});

/** A contact create body (POST): the same fields, `lastName` required [doc]. */
const createSchema = updateSchema.extend({
  lastName: z
    .string({
      error: (issue) => (issue.input === undefined ? "is required to create a contact" : "must be a string"),
    })
    .min(1, "must not be empty")
    .max(80, "must be at most 80 characters"),
});

function requireContact(c: Context<DeskEnv>): DeskRecord {
  const contactId = c.req.param("contactId") ?? "";
  const contact = c.env.context.stores.desk.get(c.env.caller.orgId, "contacts", contactId);
  if (!contact) throw recordNotFound("contact", contactId);
  return contact;
}

/** `/api/v1/contacts`: list (from/limit), get, create, update (PATCH). */
export function contactsRoutes(): Hono<DeskEnv> {
  const app = new Hono<DeskEnv>();

  app.get("/", (c) =>
    listAnswer(
      c,
      c.env.context.stores.desk.list(c.env.caller.orgId, "contacts", readPage(c, DESK_LIST_LIMITS.contacts)),
    ),
  );

  app.get("/:contactId", (c) => c.json(requireContact(c)));

  app.post("/", async (c) => {
    const input = await parseBody(c, createSchema, "contact");
    const contact = newContact(input, new Date(c.env.context.now()).toISOString());
    const { desk, db } = c.env.context.stores;
    db.transaction(() => desk.insert(c.env.caller.orgId, "contacts", contact))();
    return c.json(contact);
  });

  app.patch("/:contactId", async (c) => {
    const existing = requireContact(c);
    const input = await parseBody(c, updateSchema, "contact");
    const updated = { ...existing, ...input, modifiedTime: new Date(c.env.context.now()).toISOString() };
    const { desk, db } = c.env.context.stores;
    db.transaction(() => desk.update(c.env.caller.orgId, "contacts", updated))();
    return c.json(updated);
  });

  return app;
}
