import { describe, expect, it } from "vitest";
import { useEmulator } from "../src/testing.js";
import { fixtureManifest, fixtureResources } from "./helpers/fixture.js";
import { installationInvoker, invoker } from "./helpers/invoke.js";

const DESK = "https://desk.zoho.com/api/v1";

type TicketBody = { id: string; subject: string; cf: Record<string, unknown>; ticketNumber: string };

describe("Desk REST subset: tickets and organizationFields", () => {
  const emulator = useEmulator({
    manifest: fixtureManifest(),
    resources: fixtureResources(),
    install: true,
  });
  const call = installationInvoker(emulator);

  it("lists seeded demo tickets with from/limit, each with the extension's custom fields in cf", async () => {
    const all = (await call({ requestURL: `${DESK}/tickets`, requestType: "GET" })).target!.statusMessage as {
      data: TicketBody[];
    };
    expect(all.data).toHaveLength(3);
    expect(all.data[0]!.cf).toEqual({ cf_tracker_key: null, cf_escalated_at: null });
    const page = (
      await call({ requestURL: `${DESK}/tickets`, requestType: "GET", queryParams: '{"from":1,"limit":1}' })
    ).target!.statusMessage as { data: TicketBody[] };
    expect(page.data.map((ticket) => ticket.id)).toEqual([all.data[1]!.id]);
  });

  it("creates, gets and updates a ticket, setting cf through the field resource's apiName placeholder", async () => {
    const created = (
      await call({
        requestURL: `${DESK}/tickets`,
        requestType: "POST",
        postBody: '{"subject":"Escalate me","cf":{"{{fields.trackerKey.apiName}}":"TRK-1"}}',
        headers: JSON.stringify({ orgId: emulator.installation.orgId, "Content-Type": "application/json" }),
      })
    ).target;
    expect(created?.statusCode).toBe(200);
    const ticket = created?.statusMessage as TicketBody;
    expect(ticket).toMatchObject({
      subject: "Escalate me",
      ticketNumber: "104",
      cf: { cf_tracker_key: "TRK-1" },
    });

    const updated = await call({
      requestURL: `${DESK}/tickets/${ticket.id}`,
      requestType: "PATCH",
      postBody: '{"status":"Escalated","cf":{"cf_escalated_at":"2025-01-01T00:00:00Z"}}',
    });
    expect(updated.target?.statusMessage).toMatchObject({
      status: "Escalated",
      cf: { cf_tracker_key: "TRK-1", cf_escalated_at: "2025-01-01T00:00:00Z" },
    });
    const got = await call({ requestURL: `${DESK}/tickets/${ticket.id}`, requestType: "GET" });
    expect(got.target?.statusMessage).toMatchObject({ id: ticket.id, status: "Escalated" });
  });

  it("refuses an unknown custom field (422 naming it) and a missing ticket (404)", async () => {
    const unknown = await call({
      requestURL: `${DESK}/tickets`,
      requestType: "POST",
      postBody: '{"subject":"x","cf":{"cf_nope":"1"}}',
    });
    expect(unknown.target?.statusCode).toBe(422);
    expect(unknown.target?.statusMessage).toMatchObject({ fieldName: "cf.cf_nope" });
    const missing = await call({ requestURL: `${DESK}/tickets/1`, requestType: "GET" });
    expect(missing.target?.statusCode).toBe(404);
  });

  it("organizationFields lists standard fields and the extension's, and gets one by {{fields.x.id}}", async () => {
    const list = (
      await call({
        requestURL: `${DESK}/organizationFields`,
        requestType: "GET",
        queryParams: '{"module":"tickets"}',
      })
    ).target!.statusMessage as { data: { apiName: string; isCustomField: boolean }[] };
    expect(list.data.filter((field) => field.isCustomField).map((field) => field.apiName)).toEqual([
      "cf_tracker_key",
      "cf_escalated_at",
    ]);
    expect(list.data.some((field) => field.apiName === "subject")).toBe(true);
    const one = await call({
      requestURL: `${DESK}/organizationFields/{{fields.trackerKey.id}}`,
      requestType: "GET",
    });
    expect(one.target?.statusMessage).toMatchObject({
      apiName: "cf_tracker_key",
      displayLabel: "Tracker Key",
      type: "Text",
      isCustomField: true,
    });
  });

  it("tickets of one org are not visible from another", async () => {
    const other = await emulator.install();
    const theirs = (
      await invoker(
        emulator.url,
        emulator.secret,
        other,
      )({ requestURL: `${DESK}/tickets`, requestType: "GET" })
    ).target!.statusMessage as { data: TicketBody[] };
    expect(theirs.data).toHaveLength(3);
    expect(theirs.data.some((ticket) => ticket.subject === "Escalate me")).toBe(false);
  });

  it("answers 404 URL_NOT_FOUND for a Desk path it does not serve", async () => {
    const answer = await call({ requestURL: `${DESK}/accounts`, requestType: "GET" });
    expect(answer.target).toMatchObject({ statusCode: 404, statusMessage: { errorCode: "URL_NOT_FOUND" } });
  });
});
