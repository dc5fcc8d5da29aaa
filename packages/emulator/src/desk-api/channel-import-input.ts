import { z } from "zod";
import { CHANNEL_IMPORT_LIMITS } from "../constants.js";

const required = (what: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `is required (${what})` : "must be a string") })
    .min(1, "must not be empty");
const optionalText = z.string({ error: "must be a string" }).optional();
const time = z.iso
  .datetime({ offset: true, error: "must be an ISO-8601 date-time, e.g. 2018-09-10T13:34:26.000Z" })
  .optional();

/** SYNC_ACTOR_OBJECT: who wrote a ticket or thread on the external service; becomes (or finds) a contact. */
const actorSchema = z.looseObject({
  extId: required("the actor's id on the external service"),
  name: optionalText,
  displayName: optionalText,
  email: optionalText,
  phone: optionalText,
  photoURL: optionalText,
});

/** SYNC_EXTRA_OBJECT: stored in the extension's storage, `{{ticket.id}}` / `{{thread.id}}` in `key` substituted. */
const extraSchema = z.strictObject({
  key: required("the storage key"),
  queriableValue: required("the storage queriableValue"),
  value: z.record(z.string(), z.unknown(), { error: "must be a JSON object" }),
});

/** SYNC_TICKET_OBJECT [doc]; fields the emulator has no use for are kept out and ignored. */
const ticketSchema = z.looseObject({
  extId: required("the ticket's id on the external service"),
  subject: required("the ticket's subject"),
  description: optionalText,
  createdTime: time,
  actor: actorSchema.optional(),
  extra: extraSchema.optional(),
});

/** SYNC_THREAD_OBJECT [doc]: `extParentId` is the extId of its ticket (made from the thread when unknown). */
const threadSchema = z.looseObject({
  extId: required("the thread's id on the external service"),
  extParentId: required("the extId of the thread's ticket"),
  content: required("the message"),
  contentType: z
    .enum(["text/plain", "text/html"], { error: 'must be "text/plain" or "text/html"' })
    .optional(),
  direction: z.enum(["in", "out"], { error: 'must be "in" or "out"' }).optional(),
  from: optionalText,
  to: z.array(z.string({ error: "must be a string" }), { error: "must be an array of strings" }).optional(),
  canReply: z.boolean({ error: "must be true or false" }).optional(),
  createdTime: time,
  actor: actorSchema.optional(),
  extra: extraSchema.optional(),
});

/** The body of `POST /api/v1/channels/{{installationId}}/import`: SYNC_OBJECT of Zoho's channel-integration guide. */
export const channelImportSchema = z.strictObject({
  channelState: z
    .string({ error: "must be a string (it is stored as the channelState config param)" })
    .optional(),
  data: z.strictObject(
    {
      tickets: z
        .array(ticketSchema, { error: "must be an array of tickets" })
        .max(CHANNEL_IMPORT_LIMITS.tickets, `must hold at most ${CHANNEL_IMPORT_LIMITS.tickets} tickets`)
        .optional(),
      threads: z
        .array(threadSchema, { error: "must be an array of threads" })
        .max(CHANNEL_IMPORT_LIMITS.threads, `must hold at most ${CHANNEL_IMPORT_LIMITS.threads} threads`)
        .optional(),
    },
    {
      error: (issue) => (issue.input === undefined ? "is required: {tickets, threads}" : "must be an object"),
    },
  ),
});

/** A parsed import body. */
export type ChannelImport = z.infer<typeof channelImportSchema>;
/** One SYNC_TICKET_OBJECT. */
export type SyncTicket = NonNullable<ChannelImport["data"]["tickets"]>[number];
/** One SYNC_THREAD_OBJECT. */
export type SyncThread = NonNullable<ChannelImport["data"]["threads"]>[number];
/** One SYNC_ACTOR_OBJECT. */
export type SyncActor = NonNullable<SyncTicket["actor"]>;
/** One SYNC_EXTRA_OBJECT. */
export type SyncExtra = NonNullable<SyncTicket["extra"]>;
