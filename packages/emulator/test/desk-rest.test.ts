import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { useEmulator } from "../src/testing.js";
import { type DeskAnswer, type DeskRest, deskRest, expectRefused } from "./helpers/desk-rest.js";
import { fixtureManifest, fixtureResources } from "./helpers/fixture.js";

// Desk's REST surface as extensions reach it: every call below is a signed invoke call to https://desk.zoho.com,
// answered by the emulator's in-process Desk from its SQLite store.

type Row = Record<string, unknown> & { id: string };
interface List<T = Row> {
  data: T[];
}

const NOW = Date.parse("2026-03-02T12:00:00.000Z");

describe("Desk REST through invoke: tickets, comments, threads, contacts, departments, myinfo", () => {
  const emulator = useEmulator({
    manifest: fixtureManifest(),
    resources: fixtureResources(),
    now: () => NOW,
    install: true,
  });
  let rest: DeskRest;
  let tickets: Row[];

  /** Sends a bad request: a typed 4xx naming the field, and not one byte of the store changed. */
  const refused = (send: () => Promise<DeskAnswer>, expected: Parameters<typeof expectRefused>[2]) =>
    expectRefused(join(emulator.folder, "desk.db"), send, expected);

  beforeAll(async () => {
    rest = deskRest(emulator, emulator.installation);
    tickets = (await rest<List>("GET", "/tickets")).body.data;
  });

  describe("myinfo and departments", () => {
    it("myinfo answers the org's current agent", async () => {
      const me = await rest<Row>("GET", "/myinfo");
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({
        firstName: "Priya",
        lastName: "Raman",
        name: "Priya Raman",
        emailId: "priya.raman@example.com",
        status: "ACTIVE",
        langCode: "en_US",
      });
      expect(me.body.id).toMatch(/^\d+$/);
    });

    it("lists departments (the default one first), pages them and gets one", async () => {
      const all = await rest<List>("GET", "/departments");
      expect(all.status).toBe(200);
      expect(all.body.data.map((department) => [department["name"], department["isDefault"]])).toEqual([
        ["Support", true],
        ["Billing", false],
      ]);
      const me = (await rest<Row>("GET", "/myinfo")).body;
      expect(me["associatedDepartmentIds"]).toEqual(all.body.data.map((department) => department.id));

      const second = await rest<List>("GET", "/departments", { query: { from: 1, limit: 1 } });
      expect(second.body.data.map((department) => department.id)).toEqual([all.body.data[1]!.id]);
      const past = await rest("GET", "/departments", { query: { from: 2 } });
      expect([past.status, past.body]).toEqual([204, ""]);

      const one = await rest<Row>("GET", `/departments/${all.body.data[1]!.id}`);
      expect(one.body).toEqual(all.body.data[1]);
    });

    it("refuses bad paging and an unknown department, naming the field", async () => {
      await refused(() => rest("GET", "/departments", { query: { limit: 0 } }), {
        status: 422,
        errorCode: "UNPROCESSABLE_ENTITY",
        fieldName: "limit",
        message: /from 1 to 100/,
      });
      await refused(() => rest("GET", "/departments", { query: { from: "-1" } }), {
        status: 422,
        errorCode: "UNPROCESSABLE_ENTITY",
        fieldName: "from",
      });
      await refused(() => rest("GET", "/departments/1"), { status: 404, errorCode: "RESOURCE_NOT_FOUND" });
    });
  });

  describe("contacts", () => {
    it("lists the seeded contacts, gets one, creates and updates one", async () => {
      const all = await rest<List>("GET", "/contacts");
      expect(all.body.data.map((contact) => contact["email"])).toEqual([
        "ana@example.com",
        "ben@example.com",
        "chen@example.com",
      ]);
      expect((await rest<Row>("GET", `/contacts/${all.body.data[0]!.id}`)).body).toEqual(all.body.data[0]);

      const created = await rest<Row>("POST", "/contacts", {
        body: { firstName: "Dana", lastName: "Ilves", email: "dana@example.com", city: "Tallinn" },
      });
      expect(created.status).toBe(200);
      expect(created.body).toMatchObject({
        firstName: "Dana",
        lastName: "Ilves",
        email: "dana@example.com",
        city: "Tallinn",
        phone: null,
        createdTime: new Date(NOW).toISOString(),
      });
      const updated = await rest<Row>("PATCH", `/contacts/${created.body.id}`, {
        body: { phone: "+372 555 0100", city: null },
      });
      expect(updated.body).toMatchObject({ lastName: "Ilves", phone: "+372 555 0100", city: null });
      expect((await rest<Row>("GET", `/contacts/${created.body.id}`)).body).toEqual(updated.body);
      const page = await rest<List>("GET", "/contacts", { query: { from: 3, limit: 10 } });
      expect(page.body.data.map((contact) => contact.id)).toEqual([created.body.id]);
    });

    it("refuses a contact without lastName, an unknown field, a bad email and an unknown contact", async () => {
      await refused(() => rest("POST", "/contacts", { body: { firstName: "No" } }), {
        status: 422,
        errorCode: "UNPROCESSABLE_ENTITY",
        fieldName: "lastName",
        message: /lastName: is required to create a contact/,
      });
      await refused(() => rest("POST", "/contacts", { body: { lastName: "X", nickname: "x" } }), {
        status: 422,
        errorCode: "UNPROCESSABLE_ENTITY",
        fieldName: "nickname",
        message: /not a field of a contact/,
      });
      const contact = (await rest<List>("GET", "/contacts")).body.data[0]!;
      await refused(() => rest("PATCH", `/contacts/${contact.id}`, { body: { email: "not-an-email" } }), {
        status: 422,
        errorCode: "UNPROCESSABLE_ENTITY",
        fieldName: "email",
        message: /must be an email address/,
      });
      await refused(() => rest("PATCH", `/contacts/${contact.id}`, { body: "{not json" }), {
        status: 422,
        errorCode: "UNPROCESSABLE_ENTITY",
        fieldName: "body",
      });
      await refused(() => rest("PATCH", "/contacts/1", { body: { city: "x" } }), {
        status: 404,
        errorCode: "RESOURCE_NOT_FOUND",
      });
      await refused(() => rest("GET", "/contacts", { query: { limit: 101 } }), {
        status: 422,
        errorCode: "UNPROCESSABLE_ENTITY",
        fieldName: "limit",
      });
    });
  });

  describe("tickets", () => {
    it("lists the seeded tickets with numbers from 101, their department, contact and counts", async () => {
      const [departments, contacts, me] = await Promise.all([
        rest<List>("GET", "/departments"),
        rest<List>("GET", "/contacts"),
        rest<Row>("GET", "/myinfo"),
      ]);
      expect(
        tickets.map((ticket) => [
          ticket["ticketNumber"],
          ticket["subject"],
          ticket["status"],
          ticket["priority"],
        ]),
      ).toEqual([
        ["101", "Cannot log in to the portal", "Open", "High"],
        ["102", "Invoice shows the wrong address", "On Hold", "Medium"],
        ["103", "Feature request: dark mode", "Open", "Low"],
      ]);
      expect(tickets.map((ticket) => ticket["departmentId"])).toEqual([
        departments.body.data[0]!.id,
        departments.body.data[1]!.id,
        departments.body.data[0]!.id,
      ]);
      expect(tickets.map((ticket) => ticket["contactId"])).toEqual(
        contacts.body.data.slice(0, 3).map((contact) => contact.id),
      );
      expect(tickets.map((ticket) => [ticket["threadCount"], ticket["commentCount"]])).toEqual([
        ["1", "1"],
        ["2", "0"],
        ["1", "0"],
      ]);
      expect(tickets.every((ticket) => ticket["assigneeId"] === me.body.id)).toBe(true);
      const page = await rest<List>("GET", "/tickets", { query: { from: 2, limit: 5 } });
      expect(page.body.data.map((ticket) => ticket.id)).toEqual([tickets[2]!.id]);
    });

    it("creates a ticket in the default department, updates it and moves it to trash", async () => {
      const contact = (await rest<List>("GET", "/contacts")).body.data[1]!;
      const support = (await rest<List>("GET", "/departments")).body.data[0]!;
      const created = await rest<Row>("POST", "/tickets", {
        body: { subject: "Export fails with a timeout", contactId: contact.id, priority: "High" },
        headers: { orgId: emulator.installation.orgId, "Content-Type": "application/json" },
      });
      expect(created.status).toBe(200);
      expect(created.body).toMatchObject({
        ticketNumber: "104",
        subject: "Export fails with a timeout",
        status: "Open",
        priority: "High",
        departmentId: support.id,
        contactId: contact.id,
        email: "ben@example.com",
        threadCount: "0",
        commentCount: "0",
        cf: { cf_tracker_key: null, cf_escalated_at: null },
      });

      const updated = await rest<Row>("PATCH", `/tickets/${created.body.id}`, {
        body: { status: "Closed", cf: { cf_tracker_key: "TRK-9" } },
      });
      expect(updated.body).toMatchObject({
        status: "Closed",
        priority: "High",
        cf: { cf_tracker_key: "TRK-9" },
      });

      const trashed = await rest("POST", "/tickets/moveToTrash", { body: { ticketIds: [created.body.id] } });
      expect([trashed.status, trashed.body]).toEqual([204, ""]);
      await refused(() => rest("GET", `/tickets/${created.body.id}`), {
        status: 404,
        errorCode: "RESOURCE_NOT_FOUND",
      });
      const listed = (await rest<List>("GET", "/tickets", { query: { limit: 100 } })).body.data;
      expect(listed.some((ticket) => ticket.id === created.body.id)).toBe(false);

      const next = await rest<Row>("POST", "/tickets", { body: { subject: "After the trash" } });
      expect(next.body["ticketNumber"]).toBe("105");
      await rest("POST", "/tickets/moveToTrash", { body: { ticketIds: [next.body.id] } });
    });

    it("refuses bad ticket input naming the field, and a trash request naming one unknown ticket trashes none", async () => {
      await refused(() => rest("POST", "/tickets", { body: { description: "no subject" } }), {
        status: 422,
        errorCode: "UNPROCESSABLE_ENTITY",
        fieldName: "subject",
        message: /subject: is required to create a ticket/,
      });
      await refused(() => rest("POST", "/tickets", { body: { subject: 7 } }), {
        status: 422,
        errorCode: "UNPROCESSABLE_ENTITY",
        fieldName: "subject",
        message: /must be a string/,
      });
      await refused(() => rest("POST", "/tickets", { body: { subject: "s", departmentId: "1" } }), {
        status: 422,
        errorCode: "UNPROCESSABLE_ENTITY",
        fieldName: "departmentId",
        message: /no department 1/,
      });
      await refused(() => rest("PATCH", `/tickets/${tickets[0]!.id}`, { body: { contactId: "1" } }), {
        status: 422,
        errorCode: "UNPROCESSABLE_ENTITY",
        fieldName: "contactId",
      });
      await refused(() => rest("PATCH", `/tickets/${tickets[0]!.id}`, { body: { cf: { cf_nope: "x" } } }), {
        status: 422,
        errorCode: "UNPROCESSABLE_ENTITY",
        fieldName: "cf.cf_nope",
      });
      await refused(() => rest("PATCH", `/tickets/${tickets[0]!.id}`, { body: [] }), {
        status: 422,
        errorCode: "UNPROCESSABLE_ENTITY",
        fieldName: "body",
      });
      await refused(
        () => rest("POST", "/tickets/moveToTrash", { body: { ticketIds: [tickets[0]!.id, "1"] } }),
        { status: 404, errorCode: "RESOURCE_NOT_FOUND", fieldName: "ticketIds[1]" },
      );
      await refused(() => rest("POST", "/tickets/moveToTrash", { body: { ticketIds: [] } }), {
        status: 422,
        errorCode: "UNPROCESSABLE_ENTITY",
        fieldName: "ticketIds",
      });
      await refused(() => rest("GET", "/tickets", { query: { from: "x" } }), {
        status: 422,
        errorCode: "UNPROCESSABLE_ENTITY",
        fieldName: "from",
      });
      expect((await rest<Row>("GET", `/tickets/${tickets[0]!.id}`)).status).toBe(200);
    });
  });

  describe("comments", () => {
    it("lists, adds, gets, edits and deletes a ticket's comments, keeping commentCount", async () => {
      const ticket = tickets[0]!;
      const seeded = await rest<List>("GET", `/tickets/${ticket.id}/comments`);
      expect(seeded.body.data).toHaveLength(1);
      expect(seeded.body.data[0]).toMatchObject({
        content: "Reset link bounced; checking the mail logs.",
        isPublic: false,
        contentType: "plainText",
        commenter: { name: "Priya Raman", type: "AGENT" },
      });
      expect((await rest("GET", `/tickets/${tickets[2]!.id}/comments`)).status).toBe(204);

      const added = await rest<Row>("POST", `/tickets/${ticket.id}/comments`, {
        body: { content: "<b>Mail logs are clean</b>", contentType: "html", isPublic: true },
      });
      expect(added.body).toMatchObject({
        content: "<b>Mail logs are clean</b>",
        contentType: "html",
        isPublic: true,
        commentedTime: new Date(NOW).toISOString(),
      });
      expect((await rest<Row>("GET", `/tickets/${ticket.id}`)).body["commentCount"]).toBe("2");
      expect((await rest<Row>("GET", `/tickets/${ticket.id}/comments/${added.body.id}`)).body).toEqual(
        added.body,
      );

      const edited = await rest<Row>("PATCH", `/tickets/${ticket.id}/comments/${added.body.id}`, {
        body: { content: "Mail logs are clean." },
      });
      expect(edited.body).toMatchObject({
        content: "Mail logs are clean.",
        modifiedTime: new Date(NOW).toISOString(),
      });
      const page = await rest<List>("GET", `/tickets/${ticket.id}/comments`, {
        query: { from: 1, limit: 1 },
      });
      expect(page.body.data).toEqual([edited.body]);

      const deleted = await rest("DELETE", `/tickets/${ticket.id}/comments/${added.body.id}`);
      expect(deleted.status).toBe(204);
      expect((await rest<Row>("GET", `/tickets/${ticket.id}`)).body["commentCount"]).toBe("1");
    });

    it("refuses an empty comment, a bad contentType, a comment of another ticket and an unknown ticket", async () => {
      const [first, second] = tickets;
      await refused(() => rest("POST", `/tickets/${first!.id}/comments`, { body: {} }), {
        status: 422,
        errorCode: "UNPROCESSABLE_ENTITY",
        fieldName: "content",
        message: /content: is required/,
      });
      await refused(
        () => rest("POST", `/tickets/${first!.id}/comments`, { body: { content: "x", contentType: "rtf" } }),
        { status: 422, errorCode: "UNPROCESSABLE_ENTITY", fieldName: "contentType" },
      );
      const comment = (await rest<List>("GET", `/tickets/${first!.id}/comments`)).body.data[0]!;
      await refused(() => rest("DELETE", `/tickets/${second!.id}/comments/${comment.id}`), {
        status: 404,
        errorCode: "RESOURCE_NOT_FOUND",
      });
      await refused(() => rest("POST", "/tickets/1/comments", { body: { content: "x" } }), {
        status: 404,
        errorCode: "RESOURCE_NOT_FOUND",
        message: /ticket 1 does not exist/,
      });
      await refused(() => rest("GET", `/tickets/${first!.id}/comments`, { query: { limit: 101 } }), {
        status: 422,
        errorCode: "UNPROCESSABLE_ENTITY",
        fieldName: "limit",
      });
    });
  });

  describe("threads", () => {
    it("lists a ticket's threads without content, gets one with it, and sendReply adds an agent's thread", async () => {
      const ticket = tickets[1]!;
      const listed = await rest<List>("GET", `/tickets/${ticket.id}/threads`);
      expect(listed.body.data.map((thread) => [thread["direction"], thread["isDescriptionThread"]])).toEqual([
        ["in", true],
        ["out", false],
      ]);
      expect(listed.body.data.every((thread) => !("content" in thread))).toBe(true);
      expect(listed.body.data[0]!["summary"]).toMatch(/^Invoice shows the wrong address\./);
      const one = await rest<Row>("GET", `/tickets/${ticket.id}/threads/${listed.body.data[0]!.id}`);
      expect(one.body).toMatchObject({ ...listed.body.data[0], contentType: "text/html" });
      expect(one.body["content"]).toContain("Invoice shows the wrong address");

      const reply = await rest<Row>("POST", `/tickets/${ticket.id}/sendReply`, {
        body: {
          channel: "EMAIL",
          fromEmailAddress: "support@example.com",
          content: "The corrected invoice is attached to your account.",
          ticketStatus: "Closed",
        },
      });
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({
        channel: "EMAIL",
        direction: "out",
        contentType: "text/plain",
        to: "ben@example.com",
        author: { name: "Priya Raman", type: "AGENT" },
        createdTime: new Date(NOW).toISOString(),
      });
      const after = (await rest<Row>("GET", `/tickets/${ticket.id}`)).body;
      expect([after["status"], after["threadCount"]]).toEqual(["Closed", "3"]);
      const last = await rest<List>("GET", `/tickets/${ticket.id}/threads`, { query: { from: 2 } });
      expect(last.body.data.map((thread) => thread.id)).toEqual([reply.body.id]);
    });

    it("refuses a reply without channel, an EMAIL reply without fromEmailAddress and an unknown thread", async () => {
      const ticket = tickets[0]!;
      await refused(() => rest("POST", `/tickets/${ticket.id}/sendReply`, { body: { content: "x" } }), {
        status: 422,
        errorCode: "UNPROCESSABLE_ENTITY",
        fieldName: "channel",
        message: /must be one of EMAIL/,
      });
      await refused(
        () => rest("POST", `/tickets/${ticket.id}/sendReply`, { body: { channel: "EMAIL", content: "x" } }),
        { status: 422, errorCode: "UNPROCESSABLE_ENTITY", fieldName: "fromEmailAddress" },
      );
      await refused(() => rest("GET", `/tickets/${ticket.id}/threads/1`), {
        status: 404,
        errorCode: "RESOURCE_NOT_FOUND",
      });
    });
  });

  describe("orgs, headers and paths", () => {
    it("keeps each org's records apart", async () => {
      const other = await emulator.install({ orgId: "700700" });
      const theirs = deskRest(emulator, other);
      const created = await theirs<Row>("POST", "/contacts", { body: { lastName: "Only-In-700700" } });
      expect(created.status).toBe(200);
      await refused(() => rest("GET", `/contacts/${created.body.id}`), {
        status: 404,
        errorCode: "RESOURCE_NOT_FOUND",
      });
      await refused(() => theirs("GET", `/tickets/${tickets[0]!.id}`), {
        status: 404,
        errorCode: "RESOURCE_NOT_FOUND",
      });
      const theirTickets = (await theirs<List>("GET", "/tickets")).body.data;
      expect(theirTickets.map((ticket) => ticket["ticketNumber"])).toEqual(["101", "102", "103"]);
    });

    it("refuses an orgId header of another org (403) and keeps a clear 404 for a path it does not serve", async () => {
      await refused(() => rest("GET", "/tickets", { headers: { orgId: "999" } }), {
        status: 403,
        errorCode: "FORBIDDEN",
        fieldName: "orgId",
      });
      await refused(() => rest("GET", "/accounts"), {
        status: 404,
        errorCode: "URL_NOT_FOUND",
        message: /accounts/,
      });
      await refused(() => rest("DELETE", `/tickets/${tickets[0]!.id}`), {
        status: 404,
        errorCode: "URL_NOT_FOUND",
      });
    });
  });
});
