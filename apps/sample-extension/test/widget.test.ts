import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Story, startStory, TRACKER_API_TOKEN } from "./story.js";

interface WidgetResult {
  kind: string;
  key?: string;
  status: number;
}
interface WidgetModule {
  escalate(input: { server: string; token: string; ticketId: string }): Promise<WidgetResult>;
  describe(result: WidgetResult, strings: Record<string, string>): string;
}

const ORG = "71001";
const strings = JSON.parse(readFileSync(new URL("../app/translations/en.json", import.meta.url), "utf8"));
let story: Story;
let widget: WidgetModule;
let ticketId: string;

beforeAll(async () => {
  story = await startStory(new Date("2025-06-02T09:00:00.000Z"));
  await story.emulator.install({
    orgId: ORG,
    config: { trackerProject: "ESC", trackerToken: TRACKER_API_TOKEN },
  });
  // The widget's own script, as the browser loads it (its DOM part runs only where there is a document).
  widget = (await import(new URL("../app/js/widget.js", import.meta.url).href)) as WidgetModule;
  const token = story.extension.issueWidgetToken({ orgId: ORG, userId: "agent-1" });
  const listed = await fetch(`${story.extension.url}/tickets`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  ticketId = ((await listed.json()) as { tickets: { id: string }[] }).tickets[0]!.id;
});
afterAll(() => story?.close());

describe("the widget (app/widget.html, app/js/widget.js)", () => {
  it("escalates its ticket with its token, then shows the same issue on a second click", async () => {
    const token = story.extension.issueWidgetToken({ orgId: ORG, userId: "agent-1" });
    const first = await widget.escalate({ server: story.extension.url, token, ticketId });
    const second = await widget.escalate({ server: story.extension.url, token, ticketId });
    expect([first, second]).toEqual([
      { kind: "created", key: "ESC-1", status: 201 },
      { kind: "existing", key: "ESC-1", status: 200 },
    ]);
    expect([widget.describe(first, strings), widget.describe(second, strings)]).toEqual([
      "Escalated as ESC-1.",
      "Already escalated as ESC-1.",
    ]);
  });

  it("says the session expired for a bad token, and that an org is not installed", async () => {
    const bad = await widget.escalate({ server: story.extension.url, token: "v1.e30.AAAA", ticketId });
    expect([bad, widget.describe(bad, strings)]).toEqual([
      { kind: "unauthorized", status: 401 },
      "Your session has expired: reopen the widget.",
    ]);
    const token = story.extension.issueWidgetToken({ orgId: "71999", userId: "agent-1" });
    const missing = await widget.escalate({ server: story.extension.url, token, ticketId });
    expect(widget.describe(missing, strings)).toBe("Escalation Desk is not installed in this org.");
  });

  it("is served with its translations for local work; nothing outside app/ is", async () => {
    const get = async (path: string) => {
      const response = await fetch(`${story.extension.url}${path}`);
      return [response.status, response.headers.get("content-type")];
    };
    expect(await get("/app/widget.html")).toEqual([200, "text/html; charset=utf-8"]);
    expect(await get("/app/js/widget.js")).toEqual([200, "text/javascript; charset=utf-8"]);
    expect(await get("/app/translations/en.json")).toEqual([200, "application/json; charset=utf-8"]);
    expect(await get("/app/img/logo.png")).toEqual([200, "image/png"]);
    // URL parsing resolves "..", even as %2e%2e, before the request leaves (an API path without a token: 401);
    // an encoded slash reaches the server as it is.
    expect((await get("/app/%2e%2e/plugin-manifest.json"))[0]).toBe(401);
    expect((await get("/app/js%2f..%2f..%2fplugin-manifest.json"))[0]).toBe(404);
    expect((await get("/app/.hidden.json"))[0]).toBe(404);
    expect((await get("/app/missing.html"))[0]).toBe(404);
  });

  it("answers the browser's CORS preflight (it runs on Desk's origin in production)", async () => {
    const response = await fetch(`${story.extension.url}/escalate/1`, {
      method: "OPTIONS",
      headers: { Origin: "https://desk.zoho.com", "Access-Control-Request-Headers": "authorization" },
    });
    expect([response.status, response.headers.get("access-control-allow-headers")]).toEqual([
      204,
      "Authorization, Content-Type",
    ]);
  });
});
