import type { DeskRecord } from "../store/desk-record-store.js";
import { generateId } from "../store/generate-id.js";

/** What a new comment is given. */
export interface CommentFields {
  content: string;
  contentType: "html" | "plainText";
  isPublic: boolean;
}

/** A ticket comment as Desk answers it, written by `agent` (the org's current agent) at `time`. */
export function newComment(agent: DeskRecord, fields: CommentFields, time: string): DeskRecord {
  return {
    id: generateId("7"),
    content: fields.content,
    contentType: fields.contentType,
    isPublic: fields.isPublic,
    commenterId: agent.id,
    commenter: {
      firstName: agent["firstName"],
      lastName: agent["lastName"],
      name: agent["name"],
      email: agent["emailId"],
      photoURL: agent["photoURL"],
      roleName: "Agent",
      type: "AGENT",
    },
    attachments: [],
    commentedTime: time,
    modifiedTime: null,
  };
}
