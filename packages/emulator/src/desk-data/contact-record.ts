import type { DeskRecord } from "../store/desk-record-store.js";
import { generateId } from "../store/generate-id.js";

/** A contact as Desk answers it: the given fields over Desk's empty defaults, created at `time`. */
export function newContact(fields: Record<string, unknown> & { lastName: string }, time: string): DeskRecord {
  return {
    id: generateId("3"),
    firstName: null,
    email: null,
    secondaryEmail: null,
    phone: null,
    mobile: null,
    title: null,
    type: null,
    description: null,
    accountId: null,
    city: null,
    country: null,
    photoURL: null,
    ...fields,
    createdTime: time,
    modifiedTime: time,
    cf: {},
  };
}
