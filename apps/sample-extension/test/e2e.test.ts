import { readFileSync } from "node:fs";
import { type Emulator, startEmulator } from "@desk/emulator";
import { createDesk, createMemoryInstallationStore } from "@desk/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SampleExtension, startSampleExtension } from "../src/index.js";

const read = (name: string) => JSON.parse(readFileSync(new URL(`../${name}`, import.meta.url), "utf8"));
const manifest = read("plugin-manifest.json");
const resources = read("resources.json");
const ORG = "70001";
const NOW = new Date("2025-06-02T09:00:00.000Z");

let emulator: Emulator;
let extension: SampleExtension;
const store = createMemoryInstallationStore();
const said: string[] = [];

/** The manifest with its callbackListener URLs moved from port 4200 to where the extension really listens. */
function manifestFor(url: string) {
  const text = JSON.stringify(manifest).replaceAll("http://127.0.0.1:4200", url);
  return JSON.parse(text);
}

async function call(method: string, path: string) {
  const response = await fetch(`${extension.url}${path}`, { method });
  return { status: response.status, body: await response.json() };
}

async function logsOf(installationId: string) {
  const response = await fetch(`${emulator.url}/_emulator/logs?installationId=${installationId}`);
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

beforeAll(async () => {
  extension = await startSampleExtension({
    port: 0,
    store,
    now: () => NOW,
    say: (line) => said.push(line),
    desk: () => ({ secret: manifest.secret, baseUrl: emulator.url }),
  });
  emulator = await startEmulator({
    manifest: manifestFor(extension.url),
    resources,
    port: 0,
    db: ":memory:",
  });
});

afterAll(async () => {
  await emulator?.close();
  await extension?.close();
});

describe("sample extension, end to end against the emulator", () => {
  let installationId: string;
  let tickets: { id: string; ticketNumber: string; subject: string }[];

  it("install: the callback is verified, the installation saved, an install log written", async () => {
    const installed = await emulator.install({
      orgId: ORG,
      config: { trackerProject: "ESC", trackerToken: "tok_live_123" },
    });
    installationId = installed.installationId;
    expect(installed.callbacks.map(({ event, status }) => [event, status])).toEqual([["onInstall", 200]]);
    expect((await store.list()).map((record) => record.orgId)).toEqual([ORG]);
    expect(said).toEqual([`installed in org ${ORG}`]);
    expect(await logsOf(installationId)).toEqual([[`Installed: Escalation Desk is ready in org ${ORG}`]]);
  });

  it("lists the org's tickets from Desk", async () => {
    const { status, body } = await call("GET", `/tickets?orgId=${ORG}`);
    expect(status).toBe(200);
    tickets = body.tickets;
    expect(tickets.map((ticket) => [ticket.ticketNumber, ticket.subject])).toEqual([
      ["101", "Cannot log in to the portal"],
      ["102", "Invoice shows the wrong address"],
      ["103", "Feature request: dark mode"],
    ]);
  });

  it("escalates a ticket: custom field and priority set in Desk, escalation stored, a log group written", async () => {
    const ticket = tickets[0]!;
    const { status, body } = await call("POST", `/escalate/${ticket.id}?orgId=${ORG}`);
    expect([status, body]).toEqual([
      200,
      {
        ticketId: ticket.id,
        ticketNumber: "101",
        subject: "Cannot log in to the portal",
        trackerKey: "ESC-101",
        escalatedAt: "2025-06-02T09:00:00.000Z",
      },
    ]);

    // What Desk now holds, read with the SDK as the extension would.
    const desk = createDesk({ secret: manifest.secret, baseUrl: emulator.url });
    const inst = desk.installation((await store.get(ORG))!);
    const fromDesk = await inst.invoke<{ priority: string; cf: Record<string, unknown> }>({
      url: `${inst.client.deskOrigin}/api/v1/tickets/${ticket.id}`,
      method: "GET",
      headers: { orgId: ORG },
    });
    expect([fromDesk.data.priority, fromDesk.data.cf]).toEqual(["High", { cf_tracker_key: "ESC-101" }]);
    expect((await inst.storage.getItem(`ticket:${ticket.id}`))?.queriableValue).toBe("escalated");

    expect((await logsOf(installationId)).at(-1)).toEqual([
      "Escalated ticket #101: Cannot log in to the portal",
      "Tracker key set: ESC-101",
      `Escalation stored: ticket:${ticket.id}`,
    ]);
  });

  it("lists the stored escalations", async () => {
    const { status, body } = await call("GET", `/escalations?orgId=${ORG}`);
    expect([status, body.escalations.map((e: { trackerKey: string }) => e.trackerKey)]).toEqual([
      200,
      ["ESC-101"],
    ]);
  });

  it("refuses an unknown ticket (404), a non-numeric id (400), an org without installation (404)", async () => {
    expect((await call("POST", `/escalate/999999999999999?orgId=${ORG}`)).status).toBe(404);
    expect((await call("POST", `/escalate/abc?orgId=${ORG}`)).status).toBe(400);
    expect((await call("GET", "/escalations?orgId=1")).body).toEqual({
      error: "not_installed",
      message: "the extension is not installed in this org",
    });
  });

  it("refuses to escalate when the org switched canEscalate off (403)", async () => {
    await emulator.setPermissions(installationId, { canEscalate: false });
    const { status, body } = await call("POST", `/escalate/${tickets[1]!.id}?orgId=${ORG}`);
    expect([status, body.error]).toEqual([403, "forbidden"]);
    await emulator.setPermissions(installationId, { canEscalate: true });
  });

  it("config change: the callback logs the new settings (the secure one masked); new keys use them", async () => {
    said.length = 0;
    await emulator.setConfig(installationId, { trackerProject: "OPS" });
    expect(said).toEqual([`settings changed in org ${ORG}: trackerProject=OPS, trackerToken=(secure)`]);
    const { body } = await call("POST", `/escalate/${tickets[1]!.id}?orgId=${ORG}`);
    expect(body.trackerKey).toBe("OPS-102");
    const listed = await call("GET", `/escalations?orgId=${ORG}`);
    expect(listed.body.escalations.map((e: { trackerKey: string }) => e.trackerKey).sort()).toEqual([
      "ESC-101",
      "OPS-102",
    ]);
    expect((await logsOf(installationId)).map((group) => group[0])).toEqual([
      `Installed: Escalation Desk is ready in org ${ORG}`,
      "Escalated ticket #101: Cannot log in to the portal",
      "Settings changed: trackerProject=OPS, trackerToken=(secure)",
      "Escalated ticket #102: Invoice shows the wrong address",
    ]);
  });

  it("refuses a forged callback with a bare 401 that echoes neither the HASH nor the securityContext", async () => {
    said.length = 0;
    const response = await fetch(`${extension.url}/desk/callbacks/install`, {
      method: "POST",
      headers: { HASH: "ab".repeat(32), "Content-Type": "application/json" },
      body: JSON.stringify({ event: "onInstall", orgId: 70002, securityContext: "forged-sc-value" }),
    });
    expect([response.status, await response.text()]).toEqual([401, '{"ok":false,"error":"invalid_hash"}']);
    expect([said, (await store.list()).map((record) => record.orgId)]).toEqual([[], [ORG]]);
  });

  it("uninstall: the callback is verified and the installation forgotten", async () => {
    said.length = 0;
    await emulator.uninstall(installationId);
    expect(said).toEqual([`uninstalled from org ${ORG}`]);
    expect(await store.list()).toEqual([]);
    expect((await call("GET", `/escalations?orgId=${ORG}`)).status).toBe(404);
  });
});
