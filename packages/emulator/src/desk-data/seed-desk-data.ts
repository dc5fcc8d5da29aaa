import type { DeskRecord, DeskRecordStore } from "../store/desk-record-store.js";
import { generateId } from "../store/generate-id.js";
import { newComment } from "./comment-record.js";
import { newContact } from "./contact-record.js";
import { newThread } from "./thread-record.js";
import { newTicket, refreshTicketCounts } from "./ticket-record.js";

const HOUR_MS = 3_600_000;

const DEPARTMENTS = [
  { name: "Support", description: "Questions and problems of customers", isDefault: true },
  { name: "Billing", description: "Invoices, payments and refunds", isDefault: false },
];

const CONTACTS = [
  { firstName: "Ana", lastName: "Silva", email: "ana@example.com", phone: "+1 415 555 0101" },
  { firstName: "Ben", lastName: "Okafor", email: "ben@example.com", phone: "+1 415 555 0102" },
  { firstName: "Chen", lastName: "Wei", email: "chen@example.com", phone: "+1 415 555 0103" },
];

// [subject, status, priority, department index, agent reply or null, private comment or null]
const TICKETS: readonly [string, string, string, number, string | null, string | null][] = [
  ["Cannot log in to the portal", "Open", "High", 0, null, "Reset link bounced; checking the mail logs."],
  [
    "Invoice shows the wrong address",
    "On Hold",
    "Medium",
    1,
    "Thanks Ben, we are correcting the address and will send a new invoice.",
    null,
  ],
  ["Feature request: dark mode", "Open", "Low", 0, null, null],
];

function department(seed: (typeof DEPARTMENTS)[number], agentId: string, time: string): DeskRecord {
  return {
    id: generateId("1"),
    name: seed.name,
    description: seed.description,
    isDefault: seed.isDefault,
    isEnabled: true,
    isAssignToTeamEnabled: false,
    isVisibleInCustomerPortal: true,
    nameInCustomerPortal: seed.name,
    sanitizedName: seed.name.toLowerCase(),
    chatStatus: "AVAILABLE",
    hasLogo: false,
    creatorId: agentId,
    createdTime: time,
  };
}

function agent(departmentIds: string[]): DeskRecord {
  return {
    id: generateId("2"),
    firstName: "Priya",
    lastName: "Raman",
    name: "Priya Raman",
    emailId: "priya.raman@example.com",
    status: "ACTIVE",
    isConfirmed: true,
    roleId: generateId("8"),
    profileId: generateId("8"),
    zuid: generateId("9").slice(0, 9),
    langCode: "en_US",
    timeZone: "UTC",
    photoURL: null,
    associatedDepartmentIds: departmentIds,
  };
}

/**
 * Seeds a small, realistic Desk into an org: two departments, the current agent (myinfo), three contacts, three
 * tickets each with its description thread, one agent reply and one private comment. Times are hours before
 * `now`. Run inside the caller's transaction.
 */
export function seedDeskData(desk: DeskRecordStore, orgId: string, now: number): void {
  const start = new Date(now - TICKETS.length * HOUR_MS).toISOString();
  const departmentIds = DEPARTMENTS.map(() => generateId("1"));
  const me = agent(departmentIds);
  desk.insert(orgId, "agents", me);
  for (const [index, seed] of DEPARTMENTS.entries()) {
    desk.insert(orgId, "departments", { ...department(seed, me.id, start), id: departmentIds[index]! });
  }
  const contacts = CONTACTS.map((seed) => newContact(seed, start));
  for (const contact of contacts) desk.insert(orgId, "contacts", contact);

  for (const [index, [subject, status, priority, departmentIndex, reply, note]] of TICKETS.entries()) {
    const time = new Date(now - (TICKETS.length - index) * HOUR_MS).toISOString();
    const contact = contacts[index]!;
    const description = `${subject}. Demo ticket ${index + 1} seeded by @desk/emulator.`;
    const ticket = newTicket(
      desk,
      orgId,
      {
        subject,
        description,
        status,
        priority,
        channel: "Email",
        email: contact["email"],
        phone: contact["phone"],
        departmentId: departmentIds[departmentIndex]!,
        contactId: contact.id,
        assigneeId: me.id,
      },
      time,
    );
    desk.insert(orgId, "tickets", ticket);
    const customer = {
      name: `${contact["firstName"]} ${contact["lastName"]}`,
      email: contact["email"] as string,
    };
    desk.insert(
      orgId,
      "threads",
      newThread({
        channel: "EMAIL",
        direction: "in",
        content: `<div>${description}</div>`,
        contentType: "text/html",
        author: { ...customer, type: "END_USER" },
        fromEmailAddress: customer.email,
        to: "support@example.com",
        isDescriptionThread: true,
        createdTime: time,
      }),
      { parentId: ticket.id },
    );
    if (reply !== null) {
      desk.insert(
        orgId,
        "threads",
        newThread({
          channel: "EMAIL",
          direction: "out",
          content: `<div>${reply}</div>`,
          contentType: "text/html",
          author: { id: me.id, name: me["name"] as string, email: me["emailId"] as string, type: "AGENT" },
          fromEmailAddress: "support@example.com",
          to: customer.email,
          createdTime: time,
        }),
        { parentId: ticket.id },
      );
    }
    if (note !== null) {
      desk.insert(
        orgId,
        "comments",
        newComment(me, { content: note, contentType: "plainText", isPublic: false }, time),
        {
          parentId: ticket.id,
        },
      );
    }
    refreshTicketCounts(desk, orgId, ticket.id);
  }
}
