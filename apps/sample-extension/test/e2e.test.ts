import { createDesk } from "@desk/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONNECTION_TOKEN, manifest, type Story, startStory, TRACKER_API_TOKEN } from "./story.js";

const ORG = "70001";
const USER = "agent-7";
const NOW = new Date("2025-06-02T09:00:00.000Z");

let story: Story;
let token: string;

beforeAll(async () => {
  story = await startStory(NOW);
});
afterAll(() => story?.close());

/** Calls the extension as the widget does; `bearer: null` sends no token. */
async function call(method: string, path: string, bearer: string | null = token) {
  const headers: Record<string, string> = bearer === null ? {} : { Authorization: `Bearer ${bearer}` };
  const response = await fetch(`${story.extension.url}${path}`, { method, headers });
  return { status: response.status, body: await response.json() };
}

async function logsOf(installationId: string) {
  const response = await fetch(`${story.emulator.url}/_emulator/logs?installationId=${installationId}`);
  const { data } = (await response.json()) as {
    data: { title: string; description: string; subLogs: { title: string; description: string }[] }[];
  };
  // Oldest first, sub logs as "title: description".
  return data
    .reverse()
    .map((log) => [
      `${log.title}: ${log.description}`,
      ...log.subLogs.map((s) => `${s.title}: ${s.description}`),
    ]);
}

const trackerCalls = () =>
  story.tracker
    .requests()
    .map(({ method, path, credential, status }) => `${method} ${path} ${credential} ${status}`);

describe("sample extension, end to end: emulator, extension, stand-in tracker", () => {
  let installationId: string;
  let tickets: { id: string; ticketNumber: string; subject: string }[];

  it("install: the callback is verified, the installation saved, an install log written", async () => {
    const installed = await story.emulator.install({
      orgId: ORG,
      config: { trackerProject: "ESC", trackerToken: TRACKER_API_TOKEN },
    });
    installationId = installed.installationId;
    expect(installed.callbacks.map(({ event, status }) => [event, status])).toEqual([["onInstall", 200]]);
    expect((await story.store.list()).installations.map((record) => record.orgId)).toEqual([ORG]);
    expect(story.said).toEqual([`installed in org ${ORG}`]);
    expect(await logsOf(installationId)).toEqual([[`Installed: Escalation Desk is ready in org ${ORG}`]]);
    token = story.extension.issueWidgetToken({ orgId: ORG, userId: USER });
  });

  it("the API routes want a widget token: ?orgId= alone, a forged or an expired token get 401", async () => {
    const refused = { error: "unauthorized", message: "present a valid widget token as Bearer" };
    expect(await call("GET", `/escalations?orgId=${ORG}`, null)).toEqual({
      status: 401,
      body: { ...refused, reason: "missing" },
    });
    const [version, payload, mac] = token.split(".");
    const forged = `${version}.${payload}.${mac!.slice(0, -2)}AA`;
    expect(await call("GET", "/escalations", forged)).toEqual({
      status: 401,
      body: { ...refused, reason: "bad_signature" },
    });
    const otherOrg = Buffer.from(JSON.stringify({ org: "70002", usr: USER, exp: 9e9 })).toString("base64url");
    expect((await call("GET", "/escalations", `${version}.${otherOrg}.${mac}`)).body.reason).toBe(
      "bad_signature",
    );
    expect((await call("GET", "/escalations", "not-a-token")).body.reason).toBe("malformed");
    story.setNow(new Date(NOW.getTime() + 15 * 60 * 1000));
    expect((await call("GET", "/escalations")).body.reason).toBe("expired");
    story.setNow(NOW);
    expect((await call("GET", "/escalations")).status).toBe(200);
  });

  it("lists the org's tickets from Desk", async () => {
    const { status, body } = await call("GET", "/tickets");
    expect(status).toBe(200);
    tickets = body.tickets;
    expect(tickets.map((ticket) => [ticket.ticketNumber, ticket.subject])).toEqual([
      ["101", "Cannot log in to the portal"],
      ["102", "Invoice shows the wrong address"],
      ["103", "Feature request: dark mode"],
    ]);
  });

  it("escalates a ticket: the tracker issue created with the org's token, the ticket marked, linked, stored, logged", async () => {
    const ticket = tickets[0]!;
    const { status, body } = await call("POST", `/escalate/${ticket.id}`);
    const escalation = {
      ticketId: ticket.id,
      ticketNumber: "101",
      subject: "Cannot log in to the portal",
      issueKey: "ESC-1",
      issueUrl: `${story.tracker.url}/browse/ESC-1`,
      escalatedBy: USER,
      escalatedAt: "2025-06-02T09:00:00.000Z",
    };
    expect([status, body]).toEqual([201, { created: true, escalation }]);

    // The tracker saw the org's token (Desk filled in {{trackerToken}}) and, for the link, the connection's.
    expect(trackerCalls()).toEqual([
      "POST /rest/projects/ESC/issues apiToken 201",
      "POST /rest/issues/ESC-1/links connection 201",
    ]);
    expect(story.tracker.issues()).toEqual([
      {
        key: "ESC-1",
        project: "ESC",
        title: "Cannot log in to the portal",
        description: "Escalated from Desk ticket #101",
        links: [{ url: `https://desk.zoho.com/api/v1/tickets/${ticket.id}`, title: "Desk ticket #101" }],
      },
    ]);

    // What Desk now holds, read with the SDK as the extension would.
    const desk = createDesk({ secret: manifest.secret, baseUrl: story.emulator.url });
    const inst = desk.installation((await story.store.get(ORG))!);
    const fromDesk = await inst.invoke<{ priority: string; cf: Record<string, unknown> }>({
      url: `${inst.client.deskOrigin}/api/v1/tickets/${ticket.id}`,
      method: "GET",
      headers: { orgId: ORG },
    });
    expect([fromDesk.data.priority, fromDesk.data.cf]).toEqual(["High", { cf_tracker_key: "ESC-1" }]);
    const stored = await inst.storage.getItem(`ticket:${ticket.id}`);
    expect([stored?.queriableValue, stored?.value]).toEqual(["escalated", escalation]);

    expect((await logsOf(installationId)).at(-1)).toEqual([
      "Escalated ticket #101: Cannot log in to the portal",
      "Tracker issue created: ESC-1",
      "Tracker key set: ESC-1",
      "Issue linked to the ticket: via connection trackerconnection",
    ]);
  });

  it("escalating the same ticket again answers the same issue and creates nothing", async () => {
    const before = { calls: trackerCalls(), logs: (await logsOf(installationId)).length };
    const { status, body } = await call("POST", `/escalate/${tickets[0]!.id}`);
    expect([status, body.created, body.escalation.issueKey]).toEqual([200, false, "ESC-1"]);
    expect({ calls: trackerCalls(), logs: (await logsOf(installationId)).length }).toEqual(before);
    expect(story.tracker.issues()).toHaveLength(1);
  });

  it("escalates a second ticket (ESC-2) and lists both stored escalations", async () => {
    expect((await call("POST", `/escalate/${tickets[1]!.id}`)).body.escalation.issueKey).toBe("ESC-2");
    const { status, body } = await call("GET", "/escalations");
    expect([status, body.escalations.map((e: { issueKey: string }) => e.issueKey).sort()]).toEqual([
      200,
      ["ESC-1", "ESC-2"],
    ]);
  });

  it("refuses an unknown ticket (404), a non-numeric id (400)", async () => {
    expect((await call("POST", "/escalate/999999999999999")).status).toBe(404);
    expect((await call("POST", "/escalate/abc")).status).toBe(400);
  });

  it("refuses to escalate when the org switched canEscalate off (403), and calls no tracker", async () => {
    const before = trackerCalls().length;
    await story.emulator.setPermissions(installationId, { canEscalate: false });
    const { status, body } = await call("POST", `/escalate/${tickets[2]!.id}`);
    expect([status, body.error]).toEqual([403, "forbidden"]);
    expect(trackerCalls()).toHaveLength(before);
    await story.emulator.setPermissions(installationId, { canEscalate: true });
  });

  it("config change: the callback logs the new settings (the secure one masked); the next issue goes to OPS", async () => {
    story.said.length = 0;
    await story.emulator.setConfig(installationId, { trackerProject: "OPS" });
    expect(story.said).toEqual([`settings changed in org ${ORG}: trackerProject=OPS, trackerToken=(secure)`]);
    const { body } = await call("POST", `/escalate/${tickets[2]!.id}`);
    expect(body.escalation.issueKey).toBe("OPS-1");
    expect((await logsOf(installationId)).map((group) => group[0])).toEqual([
      `Installed: Escalation Desk is ready in org ${ORG}`,
      "Escalated ticket #101: Cannot log in to the portal",
      "Escalated ticket #102: Invoice shows the wrong address",
      "Settings changed: trackerProject=OPS, trackerToken=(secure)",
      "Escalated ticket #103: Feature request: dark mode",
    ]);
  });

  it("an org whose trackerToken is wrong gets the tracker's 401 as a clear 502, and nothing is stored", async () => {
    const other = await story.emulator.install({
      orgId: "70003",
      config: { trackerProject: "ESC", trackerToken: "trk_wrong" },
    });
    const otherToken = story.extension.issueWidgetToken({ orgId: "70003", userId: USER });
    const { body: listed } = await call("GET", "/tickets", otherToken);
    const { status, body } = await call("POST", `/escalate/${listed.tickets[0].id}`, otherToken);
    expect([status, body]).toEqual([
      502,
      {
        error: "tracker_error",
        status: 401,
        message: "the tracker refused the token: set the trackerToken config param in Desk",
      },
    ]);
    expect(trackerCalls().at(-1)).toBe("POST /rest/projects/ESC/issues null 401");
    expect((await call("GET", "/escalations", otherToken)).body).toEqual({ escalations: [] });
    await story.emulator.uninstall(other.installationId);
  });

  it("refuses a forged callback with a bare 401 that echoes neither the HASH nor the securityContext", async () => {
    story.said.length = 0;
    const response = await fetch(`${story.extension.url}/desk/callbacks/install`, {
      method: "POST",
      headers: { HASH: "ab".repeat(32), "Content-Type": "application/json" },
      body: JSON.stringify({ event: "onInstall", orgId: 70002, securityContext: "forged-sc-value" }),
    });
    expect([response.status, await response.text()]).toEqual([401, '{"ok":false,"error":"invalid_hash"}']);
    expect([story.said, (await story.store.list()).installations.map((record) => record.orgId)]).toEqual([
      [],
      [ORG],
    ]);
  });

  it("uninstall: the callback is verified and the installation forgotten; the token no longer reaches anything", async () => {
    story.said.length = 0;
    await story.emulator.uninstall(installationId);
    expect(story.said).toEqual([`uninstalled from org ${ORG}`]);
    expect((await story.store.list()).installations).toEqual([]);
    expect(await call("GET", "/escalations")).toEqual({
      status: 404,
      body: { error: "not_installed", message: "the extension is not installed in this org" },
    });
  });

  it("printed nothing secret: no tracker token, connection token or manifest secret in what the extension said", () => {
    const printed = story.said.join("\n");
    for (const secret of [TRACKER_API_TOKEN, CONNECTION_TOKEN, manifest.secret])
      expect(printed).not.toContain(secret);
  });
});
