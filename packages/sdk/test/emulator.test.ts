import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { useEmulator } from "@desk/emulator/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type CallbackEvent,
  createCallbackHandler,
  createDesk,
  createMemoryInstallationStore,
  type Desk,
} from "../src/index.js";
import { toNodeHandler } from "../src/node.js";

const SECRET = "sdk_emulator_secret_5d2f0e";

let server: Server;
let listener: string;
let desk: Desk;
const store = createMemoryInstallationStore();
const heard: string[] = [];
const hookErrors: unknown[] = [];

// The listener must exist before the emulator (its manifest names the URL), the desk after it (it needs the
// emulator's URL): the server forwards to a handler made once both are known.
let handler: (request: Request) => Promise<Response> = async () => new Response(null, { status: 503 });
beforeAll(async () => {
  server = createServer(toNodeHandler((request) => handler(request)));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  listener = `http://127.0.0.1:${(server.address() as AddressInfo).port}/desk/callbacks`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
const emulator = useEmulator(() => ({
  rateLimits: false,
  manifest: {
    name: "SDK test",
    version: "1.0.0",
    service: "DESK",
    storage: true,
    secret: SECRET,
    whiteListedDomains: ["https://desk.zoho.com"],
    callbackListener: {
      onInstall: listener,
      onUpdate: listener,
      onTPAAuthorize: listener,
      onUninstall: listener,
    },
  },
  resources: {
    permissions: [
      { resourceName: "escalate", apiName: "canEscalate", displayName: "Escalate", defaultState: true },
    ],
  },
}));
beforeAll(() => {
  desk = createDesk({ secret: SECRET, baseUrl: emulator.url });
  handler = createCallbackHandler({
    desk,
    store,
    on: {
      onInstall: async (event, inst) => {
        heard.push(`install ${event.orgId}`);
        await inst.logs.add({ title: "installed", description: `org ${event.orgId}` });
      },
      onUninstall: (event) => {
        heard.push(`uninstall ${event.orgId}`);
      },
      onEvent: (event: CallbackEvent) => {
        heard.push(`event ${event.event}->${event.type}`);
      },
    },
    onError: (error) => hookErrors.push(error),
  });
});

describe("@desk/sdk against the emulator", () => {
  let installationId: string;
  const orgId = "55501";

  it("install: the signed callback is verified, the installation saved, the hook run (it can call Desk)", async () => {
    heard.length = 0;
    const installed = await emulator.install({ orgId });
    installationId = installed.installationId;
    expect(installed.callbacks.map(({ event, status, ok }) => ({ event, status, ok }))).toEqual([
      { event: "onInstall", status: 200, ok: true },
    ]);
    expect(heard).toEqual([`install ${orgId}`, "event onInstall->onInstall"]);
    const saved = await store.get(orgId);
    expect(saved?.securityContext).toBe(installed.securityContext);
    const logs = (await (
      await fetch(`${emulator.url}/_emulator/logs?installationId=${installationId}`)
    ).json()) as {
      data: { title: string; description: string }[];
    };
    expect(logs.data.map(({ title, description }) => [title, description])).toEqual([
      ["installed", `org ${orgId}`],
    ]);
  });

  it("desk.installation(...) of the stored record: storage round trip, permissions and a Desk API call", async () => {
    const inst = desk.installation((await store.get(orgId))!);
    const stored = await inst.storage.set("ticket:42", { issue: "TRK-7" }, { queriableValue: "escalated" });
    expect(stored).toEqual({ key: "ticket:42", queriableValue: "escalated", value: { issue: "TRK-7" } });
    expect(await inst.storage.get("ticket:42")).toEqual({ issue: "TRK-7" });
    const items = [];
    for await (const item of inst.storage.iterate({ queriableValue: "escalated" })) items.push(item.key);
    expect(items).toEqual(["ticket:42"]);
    expect(await inst.permissions.isEnabled("canEscalate")).toBe(true);
    const tickets = await inst.invoke<{ data: { subject: string }[] }>({
      url: `${inst.client.deskOrigin}/api/v1/tickets`,
      method: "GET",
      headers: { orgId },
    });
    expect([tickets.status, tickets.data.data.length]).toEqual([200, 3]);
  });

  it("inst.invoke reaches Desk's REST surface: myinfo, contacts, a ticket with a reply, a channel import, typed 422s", async () => {
    const inst = desk.installation((await store.get(orgId))!);
    const api = `${inst.client.deskOrigin}/api/v1`;
    const me = await inst.invoke<{ id: string; name: string }>({ url: `${api}/myinfo`, method: "GET" });
    expect([me.status, me.data.name]).toEqual([200, "Priya Raman"]);
    const contact = await inst.invoke<{ id: string }>({
      url: `${api}/contacts`,
      method: "POST",
      body: { lastName: "Sato", email: "sato@example.com" },
    });
    const ticket = await inst.invoke<{ id: string; contactId: string; ticketNumber: string }>({
      url: `${api}/tickets`,
      method: "POST",
      body: { subject: "Through the SDK", contactId: contact.data.id },
    });
    expect([ticket.status, ticket.data.contactId, ticket.data.ticketNumber]).toEqual([
      200,
      contact.data.id,
      "104",
    ]);
    const reply = await inst.invoke<{ direction: string; to: string }>({
      url: `${api}/tickets/${ticket.data.id}/sendReply`,
      method: "POST",
      body: { channel: "EMAIL", fromEmailAddress: "support@example.com", content: "On it." },
    });
    expect([reply.status, reply.data.direction, reply.data.to]).toEqual([200, "out", "sato@example.com"]);
    const threads = await inst.invoke<{ data: unknown[] }>({
      url: `${api}/tickets/${ticket.data.id}/threads`,
      method: "GET",
      query: { from: 0, limit: 10 },
    });
    expect(threads.data.data).toHaveLength(1);
    const imported = await inst.invoke<{ data: { tickets: { channel: string }[] } }>({
      url: `${api}/channels/{{installationId}}/import`,
      method: "POST",
      body: { data: { tickets: [{ extId: "gh:1", subject: "Issue #1" }] } },
    });
    expect([imported.status, imported.data.data.tickets[0]!.channel]).toEqual([200, "Channel integration"]);
    const refused = await inst.invoke<{ errorCode: string; fieldName: string }>({
      url: `${api}/tickets`,
      method: "POST",
      body: { description: "no subject" },
    });
    expect([refused.status, refused.ok, refused.data.errorCode, refused.data.fieldName]).toEqual([
      422,
      false,
      "UNPROCESSABLE_ENTITY",
      "subject",
    ]);
  });

  it("an alternative spelling reaches the documented event; an unknown event passes through", async () => {
    heard.length = 0;
    const spelled = await emulator.trigger("onTPAAuthorize", { installationId });
    const unknown = await emulator.trigger("onUpdate", { installationId, payload: { event: "onBrandNew" } });
    expect([spelled.status, unknown.status]).toEqual([200, 200]);
    expect(heard).toEqual(["event onTPAAuthorize->onTPAAuthorise", "event onBrandNew->onBrandNew"]);
  });

  it("a bad HASH is answered 401 and changes nothing", async () => {
    heard.length = 0;
    const body = JSON.stringify({ event: "onUninstall", orgId: Number(orgId), securityContext: "forged" });
    const response = await fetch(listener, { method: "POST", headers: { HASH: "0".repeat(64) }, body });
    expect([response.status, await response.text()]).toEqual([401, '{"ok":false,"error":"invalid_hash"}']);
    const missing = await fetch(listener, { method: "POST", body });
    expect(missing.status).toBe(401);
    expect(heard).toEqual([]);
    expect((await store.list()).installations.map((record) => record.orgId)).toEqual([orgId]);
  });

  it("a correctly signed body that is not a callback is answered 400, naming only the field", async () => {
    const outcome = await emulator.trigger("onUpdate", { installationId, payload: '{"event":"onUpdate"}' });
    expect(outcome.status).toBe(400);
    const bad = await emulator.trigger("onUpdate", { installationId, payload: "not json" });
    expect(bad.status).toBe(400);
  });

  it("uninstall: the hook runs, then the installation is removed from the store", async () => {
    heard.length = 0;
    await emulator.uninstall(installationId);
    expect(heard).toEqual([`uninstall ${orgId}`, "event onUninstall->onUninstall"]);
    expect(await store.get(orgId)).toBeUndefined();
    expect(await store.list()).toEqual({ installations: [] });
    expect(hookErrors).toEqual([]);
  });
});
