import { CHANNEL_IMPORT_LIMITS, DEFAULT_IMPORT_CHANNEL } from "../constants.js";
import type { EmulatorContext } from "../context/emulator-context.js";
import type { ChannelImport, SyncActor, SyncExtra, SyncThread } from "../desk-api/channel-import-input.js";
import type { DeskCaller } from "../desk-api/desk-env.js";
import { checkStorageObject } from "../desk-api/storage-validation.js";
import { unprocessable } from "../errors/emulator-request-error.js";
import type { DeskRecord } from "../store/desk-record-store.js";
import { newContact } from "./contact-record.js";
import { newThread } from "./thread-record.js";
import { newTicket, refreshTicketCounts } from "./ticket-record.js";

/** What an import created or updated, as the records now read. */
export interface ImportResult {
  tickets: DeskRecord[];
  threads: DeskRecord[];
}

function channelName(context: EmulatorContext): string {
  const name = (context.resources["channel"] as { name?: unknown } | undefined)?.name;
  return typeof name === "string" && name !== "" ? name : DEFAULT_IMPORT_CHANNEL;
}

/**
 * Writes one channel import into the caller's org, in one transaction (a refusal stores nothing): tickets are
 * created or updated by `extId`, threads added to the ticket whose `extId` is their `extParentId` (a ticket is made
 * from the thread when there is none), each actor becomes a contact found again by its `extId`, `extra` objects go
 * to the installation's storage with `{{ticket.id}}` / `{{thread.id}}` substituted, and `channelState` to the
 * channelState config param.
 */
export function importChannelData(
  context: EmulatorContext,
  caller: DeskCaller,
  body: ChannelImport,
): ImportResult {
  const { desk, db, storage, config } = context.stores;
  const { orgId, installationId } = caller;
  const now = new Date(context.now()).toISOString();
  const channel = channelName(context);
  const touched = new Set<string>();

  const contactOf = (actor: SyncActor | undefined): DeskRecord | undefined => {
    if (!actor) return undefined;
    const known = desk.getByExtId(orgId, "contacts", actor.extId);
    if (known) return known;
    const contact = newContact(
      {
        lastName: actor.name ?? actor.displayName ?? actor.extId,
        email: actor.email ?? null,
        phone: actor.phone ?? null,
        photoURL: actor.photoURL ?? null,
      },
      now,
    );
    desk.insert(orgId, "contacts", contact, { extId: actor.extId });
    return contact;
  };

  const storeExtra = (extra: SyncExtra | undefined, ids: Record<string, string>, field: string): void => {
    if (!extra) return;
    if (context.manifest.storage !== true) {
      throw unprocessable(
        `${field}.extra`,
        `${field}.extra is kept in storage: the manifest must set "storage": true`,
      );
    }
    const key = extra.key.replace(
      /\{\{(ticket|thread)\.id\}\}/g,
      (whole, kind: string) => ids[kind] ?? whole,
    );
    const row = checkStorageObject({ ...extra, key }, `${field}.extra: `);
    if ("fieldName" in row) throw unprocessable(`${field}.extra.${row.fieldName}`, row.message);
    storage.upsert(installationId, [row]);
  };

  const upsertTicket = (
    extId: string,
    fields: { subject: string; description?: string | undefined; createdTime?: string | undefined },
    actor: SyncActor | undefined,
  ): DeskRecord => {
    const existing = desk.getByExtId(orgId, "tickets", extId);
    if (existing) {
      const updated: DeskRecord = { ...existing, subject: fields.subject, modifiedTime: now };
      if (fields.description !== undefined) updated["description"] = fields.description;
      desk.update(orgId, "tickets", updated);
      return updated;
    }
    const contact = contactOf(actor);
    const department = desk
      .list(orgId, "departments", { from: 0, limit: 100 })
      .find((record) => record["isDefault"] === true);
    const ticket = newTicket(
      desk,
      orgId,
      {
        subject: fields.subject,
        description: fields.description ?? null,
        channel,
        departmentId: department?.id ?? null,
        contactId: contact?.id ?? null,
        email: contact?.["email"] ?? null,
        phone: contact?.["phone"] ?? null,
      },
      fields.createdTime ?? now,
    );
    desk.insert(orgId, "tickets", ticket, { extId });
    return ticket;
  };

  const addThread = (thread: SyncThread, field: string): DeskRecord => {
    const ticket =
      desk.getByExtId(orgId, "tickets", thread.extParentId) ??
      upsertTicket(
        thread.extParentId,
        {
          subject: thread.content.slice(0, CHANNEL_IMPORT_LIMITS.subjectMaxLength),
          createdTime: thread.createdTime,
        },
        thread.actor,
      );
    touched.add(ticket.id);
    const existing = desk.getByExtId(orgId, "threads", thread.extId);
    const direction = thread.direction ?? "in";
    const record = newThread({
      channel,
      direction,
      content: thread.content,
      contentType: thread.contentType ?? "text/plain",
      author: {
        name: thread.actor?.displayName ?? thread.actor?.name ?? thread.from ?? thread.extParentId,
        email: thread.actor?.email ?? null,
        phone: thread.actor?.phone ?? null,
        photoURL: thread.actor?.photoURL ?? null,
        type: direction === "in" ? "END_USER" : "AGENT",
      },
      fromEmailAddress: thread.from ?? null,
      to: thread.to?.join(",") ?? null,
      canReply: thread.canReply ?? true,
      createdTime: thread.createdTime ?? now,
    });
    if (direction === "in") contactOf(thread.actor);
    if (existing) {
      const updated = { ...record, id: existing.id, createdTime: existing["createdTime"] };
      desk.update(orgId, "threads", updated);
      storeExtra(thread.extra, { ticket: ticket.id, thread: existing.id }, field);
      return updated;
    }
    desk.insert(orgId, "threads", record, { parentId: ticket.id, extId: thread.extId });
    storeExtra(thread.extra, { ticket: ticket.id, thread: record.id }, field);
    return record;
  };

  return db.transaction((): ImportResult => {
    const tickets = (body.data.tickets ?? []).map((ticket, index) => {
      const record = upsertTicket(ticket.extId, ticket, ticket.actor);
      storeExtra(ticket.extra, { ticket: record.id }, `data.tickets[${index}]`);
      return record;
    });
    const threads = (body.data.threads ?? []).map((thread, index) =>
      addThread(thread, `data.threads[${index}]`),
    );
    for (const ticketId of touched) refreshTicketCounts(desk, orgId, ticketId);
    if (body.channelState !== undefined) config.set(installationId, { channelState: body.channelState });
    return {
      tickets: tickets.map((ticket) => desk.get(orgId, "tickets", ticket.id) ?? ticket),
      threads,
    };
  })();
}
