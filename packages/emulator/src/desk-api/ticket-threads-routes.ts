import type { Context } from "hono";
import { Hono } from "hono";
import { z } from "zod";
import { DESK_LIST_LIMITS } from "../constants.js";
import { listedThread, newThread } from "../desk-data/thread-record.js";
import { refreshTicketCounts } from "../desk-data/ticket-record.js";
import { requireAgent } from "./current-agent-routes.js";
import type { DeskEnv } from "./desk-env.js";
import { listAnswer, readPage } from "./list-answer.js";
import { parseBody } from "./parse-body.js";
import { recordNotFound } from "./record-not-found.js";
import { requireTicket } from "./tickets-routes.js";

const CHANNELS = [
  "EMAIL",
  "FACEBOOK",
  "TWITTER",
  "FORUMS",
  "PHONE",
  "WEB",
  "FEEDBACK",
  "TWITTER_DM",
  "ONLINE_CHAT",
  "OFFLINE_CHAT",
  "CUSTOMERPORTAL",
] as const;

const optionalText = z.string({ error: "must be a string" }).optional();

const sendReplySchema = z
  .strictObject({
    channel: z.enum(CHANNELS, { error: `must be one of ${CHANNELS.join(", ")}` }),
    content: z
      .string({ error: (issue) => (issue.input === undefined ? "is required" : "must be a string") })
      .min(1, "must not be empty"),
    contentType: z.enum(["html", "plainText"], { error: 'must be "html" or "plainText"' }).optional(),
    fromEmailAddress: optionalText,
    to: optionalText,
    cc: optionalText,
    bcc: optionalText,
    isForward: z.boolean({ error: "must be true or false" }).optional(),
    mailReplyAddressId: optionalText,
    ticketStatus: optionalText,
    attachmentIds: z.array(z.string()).max(0, "attachments are not served by the emulator").optional(),
  })
  .refine((reply) => reply.channel !== "EMAIL" || reply.fromEmailAddress !== undefined, {
    path: ["fromEmailAddress"],
    message: "is required for an EMAIL reply",
  });

/**
 * `/api/v1/tickets/:ticketId/threads` (list with from/limit, get) and `/api/v1/tickets/:ticketId/sendReply`, which
 * adds an outgoing thread by the current agent (and sets the ticket's status when `ticketStatus` is given).
 */
export function ticketThreadsRoutes(): Hono<DeskEnv> {
  const app = new Hono<DeskEnv>();
  const ticketOf = (c: Context<DeskEnv>) => requireTicket(c, c.req.param("ticketId") ?? "");

  app.get("/threads", (c) => {
    const ticket = ticketOf(c);
    const page = readPage(c, DESK_LIST_LIMITS.threads);
    const threads = c.env.context.stores.desk.list(c.env.caller.orgId, "threads", page, ticket.id);
    return listAnswer(c, threads.map(listedThread));
  });

  app.get("/threads/:threadId", (c) => {
    const ticket = ticketOf(c);
    const threadId = c.req.param("threadId");
    const thread = c.env.context.stores.desk.get(c.env.caller.orgId, "threads", threadId, ticket.id);
    if (!thread) throw recordNotFound("thread", threadId);
    return c.json(thread);
  });

  app.post("/sendReply", async (c) => {
    const ticket = ticketOf(c);
    const reply = await parseBody(c, sendReplySchema, "reply");
    const agent = requireAgent(c);
    const { orgId } = c.env.caller;
    const time = new Date(c.env.context.now()).toISOString();
    const thread = newThread({
      channel: reply.channel,
      direction: "out",
      content: reply.content,
      contentType: reply.contentType === "html" ? "text/html" : "text/plain",
      author: {
        id: agent.id,
        name: agent["name"] as string,
        email: agent["emailId"] as string,
        type: "AGENT",
      },
      fromEmailAddress: reply.fromEmailAddress ?? null,
      to: reply.to ?? (ticket["email"] as string | null),
      cc: reply.cc ?? null,
      bcc: reply.bcc ?? null,
      createdTime: time,
    });
    const { desk, db } = c.env.context.stores;
    db.transaction(() => {
      desk.insert(orgId, "threads", thread, { parentId: ticket.id });
      if (reply.ticketStatus !== undefined) {
        desk.update(orgId, "tickets", { ...ticket, status: reply.ticketStatus, modifiedTime: time });
      }
      refreshTicketCounts(desk, orgId, ticket.id);
    })();
    return c.json(thread);
  });

  return app;
}
