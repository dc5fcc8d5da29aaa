import type { DeskRecord } from "../store/desk-record-store.js";
import { generateId } from "../store/generate-id.js";

/** Who wrote a thread, as Desk's thread `author`. */
export interface ThreadAuthor {
  id?: string | null;
  name: string;
  email?: string | null;
  phone?: string | null;
  photoURL?: string | null;
  type: "AGENT" | "END_USER";
}

/** What a new thread is given. */
export interface ThreadFields {
  channel: string;
  direction: "in" | "out";
  content: string;
  contentType: string;
  author: ThreadAuthor;
  fromEmailAddress?: string | null;
  to?: string | null;
  cc?: string | null;
  bcc?: string | null;
  canReply?: boolean;
  isDescriptionThread?: boolean;
  createdTime: string;
}

/** A thread as Desk's "Get a thread" answers it; `summary` is the content's first 100 characters as text. */
export function newThread(fields: ThreadFields): DeskRecord {
  const text = fields.content.replace(/<[^>]*>/g, "").trim();
  return {
    id: generateId("5"),
    channel: fields.channel,
    direction: fields.direction,
    status: "SUCCESS",
    visibility: "public",
    isDescriptionThread: fields.isDescriptionThread ?? false,
    canReply: fields.canReply ?? true,
    contentType: fields.contentType,
    content: fields.content,
    summary: text.slice(0, 100),
    fromEmailAddress: fields.fromEmailAddress ?? null,
    to: fields.to ?? null,
    cc: fields.cc ?? null,
    bcc: fields.bcc ?? null,
    author: {
      id: null,
      email: null,
      phone: null,
      photoURL: null,
      ...fields.author,
    },
    hasAttach: false,
    attachmentCount: "0",
    createdTime: fields.createdTime,
  };
}

/** A thread as Desk lists it: everything but the `content` (the list gives `summary`). */
export function listedThread(thread: DeskRecord): DeskRecord {
  const { content: _content, ...listed } = thread;
  return listed as DeskRecord;
}
