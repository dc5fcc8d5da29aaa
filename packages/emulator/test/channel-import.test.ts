import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, useEmulator } from "../src/testing.js";
import {
  type DeskAnswer,
  type DeskError,
  type DeskRest,
  deskRest,
  expectRefused,
} from "./helpers/desk-rest.js";
import { fixtureManifest } from "./helpers/fixture.js";

// The channel-integration import of Zoho's channel extensions (Twilio, GitHub channel, ...): SYNC_OBJECT pushed
// through invoke to /api/v1/channels/{{installationId}}/import lands as tickets, threads and contacts of the org.

type Row = Record<string, unknown> & { id: string };
interface Imported {
  data: { tickets: Row[]; threads: Row[] };
}

const NOW = Date.parse("2026-03-02T12:00:00.000Z");
const IMPORT = "/channels/{{installationId}}/import";
const CHANNEL = {
  name: "WhatsApp Bridge",
  channelLogoPath: "/app/img/channel.png",
  contentTypes: ["text/plain", "text/html"],
  sync: { push: true },
};
const customer = {
  extId: "wa:+15550100",
  name: "Mara Quinn",
  email: "mara@example.com",
  phone: "+1 555 0100",
};

describe("channel import through invoke", () => {
  const emulator = useEmulator({
    manifest: fixtureManifest(),
    resources: { channel: CHANNEL },
    now: () => NOW,
    install: true,
  });
  let rest: DeskRest;

  /** Sends a bad request: a typed 4xx naming the field, and not one byte of the store changed. */
  const refused = (send: () => Promise<DeskAnswer>, expected: Parameters<typeof expectRefused>[2]) =>
    expectRefused(join(emulator.folder, "desk.db"), send, expected);

  beforeAll(() => {
    rest = deskRest(emulator, emulator.installation);
  });

  it("imports a ticket with its actor and extra, threads onto it and onto a new ticket, and the channelState", async () => {
    const answer = await rest<Imported>("POST", IMPORT, {
      body: {
        channelState: '{"lastMessageId":"SM2"}',
        data: {
          tickets: [
            {
              extId: "wa:conv:1",
              subject: "Order 5512 arrived damaged",
              createdTime: "2026-03-02T10:00:00.000Z",
              actor: customer,
              extra: { key: "wa_{{ticket.id}}", queriableValue: "conversation", value: { conv: "1" } },
            },
          ],
          threads: [
            {
              extId: "SM1",
              extParentId: "wa:conv:1",
              content: "The box was crushed and the mug is broken.",
              createdTime: "2026-03-02T10:00:00.000Z",
              actor: customer,
              extra: { key: "wa_{{thread.id}}", queriableValue: "message", value: { sid: "SM1" } },
            },
            {
              extId: "SM2",
              extParentId: "wa:conv:2",
              content: "Hello, is anyone there?",
              direction: "in",
              actor: { extId: "wa:+15550199", name: "Ola Berg" },
            },
          ],
        },
      },
    });
    expect(answer.status).toBe(200);
    const { tickets, threads } = answer.body.data;
    expect(tickets).toHaveLength(1);
    expect(tickets[0]).toMatchObject({
      ticketNumber: "104",
      subject: "Order 5512 arrived damaged",
      channel: "WhatsApp Bridge",
      email: "mara@example.com",
      phone: "+1 555 0100",
      createdTime: "2026-03-02T10:00:00.000Z",
      threadCount: "1",
    });
    expect(threads.map((thread) => [thread["direction"], thread["channel"], thread["content"]])).toEqual([
      ["in", "WhatsApp Bridge", "The box was crushed and the mug is broken."],
      ["in", "WhatsApp Bridge", "Hello, is anyone there?"],
    ]);
    expect(threads[0]).toMatchObject({ author: { name: "Mara Quinn", type: "END_USER" } });

    const ticket = (await rest<Row>("GET", `/tickets/${tickets[0]!.id}`)).body;
    expect(ticket).toMatchObject({ threadCount: "1", channel: "WhatsApp Bridge" });
    const contact = (await rest<Row>("GET", `/contacts/${ticket["contactId"]}`)).body;
    expect(contact).toMatchObject({ lastName: "Mara Quinn", email: "mara@example.com" });
    const onTicket = (await rest<{ data: Row[] }>("GET", `/tickets/${ticket.id}/threads`)).body.data;
    expect(onTicket.map((thread) => thread.id)).toEqual([threads[0]!.id]);

    // The thread of an unknown conversation made a ticket of its own, its subject taken from the message.
    const all = (await rest<{ data: Row[] }>("GET", "/tickets", { query: { limit: 100 } })).body.data;
    expect(all.map((row) => [row["ticketNumber"], row["subject"]])).toEqual([
      ["101", "Cannot log in to the portal"],
      ["102", "Invoice shows the wrong address"],
      ["103", "Feature request: dark mode"],
      ["104", "Order 5512 arrived damaged"],
      ["105", "Hello, is anyone there?"],
    ]);

    const stored = await rest<{ data: unknown[] }>("GET", "/installedExtensions/{{installationId}}/storage", {
      query: { queriableValue: "conversation" },
    });
    expect(stored.body.data).toEqual([
      { key: `wa_${ticket.id}`, queriableValue: "conversation", value: { conv: "1" } },
    ]);
    const message = await rest<{ data: unknown[] }>(
      "GET",
      "/installedExtensions/{{installationId}}/storage",
      {
        query: { key: `wa_${threads[0]!.id}` },
      },
    );
    expect(message.body.data).toEqual([
      { key: `wa_${threads[0]!.id}`, queriableValue: "message", value: { sid: "SM1" } },
    ]);
    const config = await rest<{ data: { name: string; value: string }[] }>(
      "GET",
      "/installedExtensions/{{installationId}}/configParams",
    );
    expect(config.body.data).toContainEqual({ name: "channelState", value: '{"lastMessageId":"SM2"}' });
  });

  it("a second import finds tickets, threads and contacts again by extId instead of duplicating them", async () => {
    const contactsBefore = (await rest<{ data: Row[] }>("GET", "/contacts", { query: { limit: 100 } })).body
      .data;
    const answer = await rest<Imported>("POST", IMPORT, {
      body: {
        data: {
          tickets: [
            { extId: "wa:conv:1", subject: "Order 5512 arrived damaged (photo sent)", actor: customer },
          ],
          threads: [
            {
              extId: "SM1",
              extParentId: "wa:conv:1",
              content: "The box was crushed, the mug broken.",
              actor: customer,
            },
            { extId: "SM3", extParentId: "wa:conv:1", content: "Here is a photo.", actor: customer },
          ],
        },
      },
    });
    expect(answer.status).toBe(200);
    const [ticket] = answer.body.data.tickets;
    expect(ticket).toMatchObject({ ticketNumber: "104", subject: "Order 5512 arrived damaged (photo sent)" });
    const threads = (await rest<{ data: Row[] }>("GET", `/tickets/${ticket!.id}/threads`)).body.data;
    expect(threads.map((thread) => thread["summary"])).toEqual([
      "The box was crushed, the mug broken.",
      "Here is a photo.",
    ]);
    expect((await rest<Row>("GET", `/tickets/${ticket!.id}`)).body["threadCount"]).toBe("2");
    const contactsAfter = (await rest<{ data: Row[] }>("GET", "/contacts", { query: { limit: 100 } })).body
      .data;
    expect(contactsAfter).toHaveLength(contactsBefore.length);
  });

  it("refuses a bad import naming the field, storing nothing of it", async () => {
    await refused(() => rest("POST", IMPORT, { body: {} }), {
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "data",
      message: /data: is required/,
    });
    await refused(
      () =>
        rest("POST", IMPORT, {
          body: { data: { threads: [{ extId: "SMx", content: "no parent" }] } },
        }),
      { status: 422, errorCode: "UNPROCESSABLE_ENTITY", fieldName: "data.threads[0].extParentId" },
    );
    await refused(
      () => rest("POST", IMPORT, { body: { data: { tickets: [{ extId: "t", subject: "s", actor: {} }] } } }),
      { status: 422, errorCode: "UNPROCESSABLE_ENTITY", fieldName: "data.tickets[0].actor.extId" },
    );
    await refused(
      () =>
        rest("POST", IMPORT, {
          body: {
            data: { threads: [{ extId: "x", extParentId: "y", content: "z", createdTime: "yesterday" }] },
          },
        }),
      { status: 422, errorCode: "UNPROCESSABLE_ENTITY", fieldName: "data.threads[0].createdTime" },
    );
    const tooMany = Array.from({ length: 1001 }, (_, index) => ({
      extId: `m${index}`,
      extParentId: "c",
      content: "hi",
    }));
    await refused(() => rest("POST", IMPORT, { body: { data: { threads: tooMany } } }), {
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "data.threads",
      message: /at most 1000 threads/,
    });
    // A valid ticket before a bad extra: the whole import is refused, the ticket is not created either.
    await refused(
      () =>
        rest("POST", IMPORT, {
          body: {
            data: {
              tickets: [
                { extId: "ok", subject: "fine" },
                {
                  extId: "bad",
                  subject: "bad key",
                  extra: { key: "has spaces!", queriableValue: "q", value: {} },
                },
              ],
            },
          },
        }),
      { status: 422, errorCode: "UNPROCESSABLE_ENTITY", fieldName: "data.tickets[1].extra.key" },
    );
    await refused(
      () => rest("POST", `/channels/${emulator.installation.installationId}1/import`, { body: { data: {} } }),
      {
        status: 403,
        errorCode: "FORBIDDEN",
      },
    );
  });

  it("refuses an extra when the manifest has no storage", async () => {
    const plain = await startTestEmulator({
      manifest: fixtureManifest({ storage: false }),
      resources: { channel: CHANNEL },
      install: true,
    });
    try {
      const call = deskRest(plain, plain.installation);
      const answer = await call<DeskError>("POST", IMPORT, {
        body: {
          data: {
            tickets: [{ extId: "t", subject: "s", extra: { key: "k", queriableValue: "q", value: {} } }],
          },
        },
      });
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({ fieldName: "data.tickets[0].extra", message: /"storage": true/ });
      const listed = (await call<{ data: Row[] }>("GET", "/tickets")).body.data;
      expect(listed).toHaveLength(3);
    } finally {
      await plain.close();
    }
  });
});
