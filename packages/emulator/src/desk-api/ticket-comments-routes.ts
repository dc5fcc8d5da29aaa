import type { Context } from "hono";
import { Hono } from "hono";
import { z } from "zod";
import { DESK_LIST_LIMITS } from "../constants.js";
import { newComment } from "../desk-data/comment-record.js";
import { refreshTicketCounts } from "../desk-data/ticket-record.js";
import type { DeskRecord } from "../store/desk-record-store.js";
import { requireAgent } from "./current-agent-routes.js";
import type { DeskEnv } from "./desk-env.js";
import { listAnswer, readPage } from "./list-answer.js";
import { parseBody } from "./parse-body.js";
import { recordNotFound } from "./record-not-found.js";
import { requireTicket } from "./tickets-routes.js";

const contentType = z.enum(["html", "plainText"], { error: 'must be "html" or "plainText"' });
const content = z
  .string({ error: (issue) => (issue.input === undefined ? "is required" : "must be a string") })
  .min(1, "must not be empty");

const createSchema = z.strictObject({
  content,
  contentType: contentType.optional(),
  isPublic: z.boolean({ error: "must be true or false" }).optional(),
  attachmentIds: z.array(z.string()).max(0, "attachments are not served by the emulator").optional(),
});

const updateSchema = z.strictObject({ content, contentType: contentType.optional() });

function requireComment(c: Context<DeskEnv>, ticketId: string): DeskRecord {
  const commentId = c.req.param("commentId") ?? "";
  const comment = c.env.context.stores.desk.get(c.env.caller.orgId, "comments", commentId, ticketId);
  if (!comment) throw recordNotFound("comment", commentId);
  return comment;
}

/** `/api/v1/tickets/:ticketId/comments`: list (from/limit), get, create, update (PATCH), delete. */
export function ticketCommentsRoutes(): Hono<DeskEnv> {
  const app = new Hono<DeskEnv>();
  const ticketOf = (c: Context<DeskEnv>) => requireTicket(c, c.req.param("ticketId") ?? "");

  app.get("/", (c) => {
    const ticket = ticketOf(c);
    const page = readPage(c, DESK_LIST_LIMITS.comments);
    return listAnswer(c, c.env.context.stores.desk.list(c.env.caller.orgId, "comments", page, ticket.id));
  });

  app.get("/:commentId", (c) => c.json(requireComment(c, ticketOf(c).id)));

  app.post("/", async (c) => {
    const ticket = ticketOf(c);
    const input = await parseBody(c, createSchema, "comment");
    const { orgId } = c.env.caller;
    const time = new Date(c.env.context.now()).toISOString();
    const comment = newComment(
      requireAgent(c),
      {
        content: input.content,
        contentType: input.contentType ?? "plainText",
        isPublic: input.isPublic ?? false,
      },
      time,
    );
    const { desk, db } = c.env.context.stores;
    db.transaction(() => {
      desk.insert(orgId, "comments", comment, { parentId: ticket.id });
      refreshTicketCounts(desk, orgId, ticket.id);
    })();
    return c.json(comment);
  });

  app.patch("/:commentId", async (c) => {
    const existing = requireComment(c, ticketOf(c).id);
    const input = await parseBody(c, updateSchema, "comment");
    const updated = { ...existing, ...input, modifiedTime: new Date(c.env.context.now()).toISOString() };
    const { desk, db } = c.env.context.stores;
    db.transaction(() => desk.update(c.env.caller.orgId, "comments", updated))();
    return c.json(updated);
  });

  app.delete("/:commentId", (c) => {
    const ticket = ticketOf(c);
    const comment = requireComment(c, ticket.id);
    const { orgId } = c.env.caller;
    const { desk, db } = c.env.context.stores;
    db.transaction(() => {
      desk.delete(orgId, "comments", comment.id);
      refreshTicketCounts(desk, orgId, ticket.id);
    })();
    return c.body(null, 204);
  });

  return app;
}
