import { generateId } from "../store/generate-id.js";
import type { TicketStore } from "../store/ticket-store.js";

const DEMO = [
  { subject: "Cannot log in to the portal", status: "Open", priority: "High", email: "ana@example.com" },
  {
    subject: "Invoice shows the wrong address",
    status: "On Hold",
    priority: "Medium",
    email: "ben@example.com",
  },
  { subject: "Feature request: dark mode", status: "Open", priority: "Low", email: "chen@example.com" },
];

/** Seeds a few demo tickets into an org that has none. */
export function seedDemoTickets(tickets: TicketStore, orgId: string, now: number): void {
  if (tickets.count(orgId) > 0) return;
  for (const [index, demo] of DEMO.entries()) {
    const time = new Date(now - (DEMO.length - index) * 3_600_000).toISOString();
    tickets.insert(orgId, {
      id: generateId("6"),
      ticketNumber: tickets.nextNumber(orgId),
      subject: demo.subject,
      description: `Demo ticket ${index + 1} seeded by @desk/emulator.`,
      status: demo.status,
      priority: demo.priority,
      channel: "Email",
      email: demo.email,
      departmentId: "1000000000001",
      contactId: generateId("3"),
      createdTime: time,
      modifiedTime: time,
      cf: {},
    });
  }
}
