import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type InvokeHashFields, signInvoke } from "@desk/hash";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmulatorInstallation, startEmulator } from "../src/index.js";
import { useEmulator } from "../src/testing.js";
import { chromiumAvailable, launchChromium } from "./helpers/chromium.js";
import { FIXTURE_SECRET, fixtureManifest, fixtureResources } from "./helpers/fixture.js";
import { invoke, invoker } from "./helpers/invoke.js";
import { startTestServer, type TestServer } from "./helpers/test-server.js";

// The repository's ignored output folder (.gitignore: .test-results/).
const RESULTS = fileURLToPath(new URL("../../../.test-results/", import.meta.url));
const DESK = "https://desk.zoho.com/api/v1/installedExtensions/{{installationId}}";
const TOKEN = "trk_live_9c41e2b7d05a";
const TYPED_TOKEN = "trk_typed_in_browser_77aa";
const START = Date.parse("2025-02-03T09:41:00.000Z");

describe.skipIf(!chromiumAvailable)("dashboard in Chromium", () => {
  let listener: TestServer;
  let target: TestServer;
  let browser: Browser;
  let page: Page;
  let installation: EmulatorInstallation;
  const hashes: string[] = [];
  const bodies: string[] = [];
  let calls = 0;

  /** A signed invoke call for the first installation, its HASH kept for the secret scan. */
  const call = async (fields: InvokeHashFields, options: { hash?: string } = {}) => {
    const hash = options.hash ?? (await signInvoke(FIXTURE_SECRET, fields));
    hashes.push(hash);
    calls++;
    return invoke(emulator.url, emulator.secret, {
      fields,
      hash,
      orgId: installation.orgId,
      securityContext: installation.securityContext,
    });
  };
  const rows = () => page.locator("#invocations-table tbody tr");
  const toast = () => page.locator("#toast");
  const go = async (section: string) => {
    await page.getByRole("link", { name: section, exact: true }).click();
    await page.locator(`#${section.toLowerCase()}:not([hidden])`).waitFor();
  };

  beforeAll(async () => {
    listener = await startTestServer();
    target = await startTestServer((request, response) => {
      response.writeHead(201, { "Content-Type": "application/json", "X-Request-Id": "req-5521" });
      response.end(
        JSON.stringify({ key: "TRK-101", received: { authorization: request.headers.authorization } }),
      );
    });
  });
  afterAll(async () => {
    await listener?.close();
    await target?.close();
  });
  const clockStart = Date.now();
  const emulator = useEmulator(() => ({
    manifest: fixtureManifest({
      whiteListedDomains: ["https://desk.zoho.com", target.origin],
      callbackListener: {
        onInstall: `${listener.url}/desk/callbacks/install`,
        onUninstall: `${listener.url}/desk/callbacks/uninstall`,
      },
    }),
    resources: fixtureResources(),
    rateLimits: false,
    now: () => START + (Date.now() - clockStart),
  }));
  beforeAll(async () => {
    installation = await emulator.install({ orgId: "12345", config: { trackerToken: TOKEN } });

    // What an extension does in its first minute: store, log, call its tracker, read its permissions, and one
    // call signed with a wrong secret.
    for (let batch = 0; batch < 12; batch++) {
      const items = Array.from({ length: 10 }, (_, i) => {
        const n = batch * 10 + i;
        return {
          key: `ticket:${1000 + n}`,
          queriableValue: n % 3 === 0 ? "escalated" : "open",
          value: { n },
        };
      });
      await call({ requestURL: `${DESK}/storage`, requestType: "POST", postBody: JSON.stringify(items) });
    }
    const log = (body: object) =>
      call({
        requestURL: "https://desk.zoho.com/api/v1/extensionLogs",
        requestType: "POST",
        postBody: JSON.stringify({ ...body, installationId: "{{installationId}}" }),
      });
    await log({ reference: "esc_1042", title: "Escalation started", description: "ticket 1042" });
    await log({ reference: "esc_1042", title: "Issue created", description: "TRK-101" });
    await log({
      reference: "esc_1042",
      title: "Ticket field updated",
      description: "cf_tracker_key = TRK-101",
    });
    await log({ title: "Nightly sync", description: "12 tickets checked" });
    await call({
      requestURL: `${target.url}/issues`,
      requestType: "POST",
      headers: JSON.stringify({
        Authorization: "Bearer {{trackerToken}}",
        "Content-Type": "application/json",
      }),
      postBody: JSON.stringify({ title: "Printer on fire", ticket: "1042" }),
    });
    await call({ requestURL: `${DESK}/myPermissions`, requestType: "GET" });
    const refused = await call(
      { requestURL: `${DESK}/storage`, requestType: "GET", queryParams: '{"key":"ticket:1042"}' },
      { hash: await signInvoke("not the secret", { requestURL: `${DESK}/storage`, requestType: "GET" }) },
    );
    expect(refused.status).toBe(401);

    browser = await launchChromium();
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      colorScheme: "light",
    });
    page = await context.newPage();
    page.on("response", async (response) => {
      if (!(response.headers()["content-type"] ?? "").includes("json")) return;
      bodies.push(await response.text().catch(() => ""));
    });
    await page.goto(`${emulator.url}/_emulator/`);
    await page.locator("body[data-ready=true]").waitFor();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("lists the invoke calls newest first, URLs as signed, with their outcome", async () => {
    await expectCount(rows(), calls);
    await page.locator(".live[data-state=on]").waitFor();
    const first = rows().first();
    expect(await first.innerText()).toContain("401 INVALID_HASH");
    const urls = await page.locator("#invocations-table td.url a").allInnerTexts();
    expect(urls[1]).toBe(`${DESK}/myPermissions`);
    expect(urls[2]).toBe(`${target.url}/issues`);
    expect(await rows().nth(2).innerText()).toContain("201");
  });

  it("adds a call to the top as it happens", async () => {
    await call({
      requestURL: `${DESK}/storage`,
      requestType: "GET",
      queryParams: '{"queriableValue":"escalated"}',
    });
    await expectCount(rows(), calls);
    expect(await page.locator("#invocations-table td.url a").first().innerText()).toBe(`${DESK}/storage`);
  });

  it("shows a call's request as sent and its answer as received, the secure value masked", async () => {
    await page.getByRole("link", { name: `${target.url}/issues` }).click();
    const detail = page.locator("aside.detail");
    await detail.getByRole("heading", { name: /^Invocation #/ }).waitFor();
    const text = await detail.innerText();
    expect(text).toContain('"Authorization": "Bearer {{trackerToken}}"');
    expect(text).toContain('"title": "Printer on fire"');
    expect(text).toContain('"authorization": "Bearer ********"');
    expect(text).toContain('"X-Request-Id": "req-5521"');
    expect(text).not.toContain(TOKEN);
  });

  it("toggles a permission, and the permissions API answers the new state", async () => {
    const permissionsOf = async () => {
      const answer = await call({ requestURL: `${DESK}/myPermissions`, requestType: "GET" });
      const states = (answer.target!.statusMessage as { data: { apiName: string; isEnabled: boolean }[] })
        .data;
      return Object.fromEntries(states.map((state) => [state.apiName, state.isEnabled]));
    };
    expect(await permissionsOf()).toEqual({ canEscalate: true, canUnlink: false });
    await go("Installations");
    const card = page.getByRole("article", { name: "Org 12345" });
    const unlink = card.getByRole("switch", { name: /Unlink issues/ });
    expect(await unlink.isChecked()).toBe(false);
    await unlink.focus();
    await page.keyboard.press("Space");
    await toast().filter({ hasText: "canUnlink enabled" }).waitFor();
    expect(await permissionsOf()).toEqual({ canEscalate: true, canUnlink: true });
    await card.getByRole("switch", { name: /Escalate tickets/ }).click();
    await toast().filter({ hasText: "canEscalate disabled" }).waitFor();
    expect(await permissionsOf()).toEqual({ canEscalate: false, canUnlink: true });
  });

  it("installs from the page; a live redraw keeps what is typed; the typed secure value leaves the page", async () => {
    const form = page.getByRole("form", { name: "Install the extension" });
    await form.getByLabel("Org id").fill("67890");
    await form.getByLabel(/Tracker API token/).fill(TYPED_TOKEN);
    // Data changes while the form is being filled: the section redraws live, the form keeps its values and focus.
    const redraws = Number(await page.locator("body").getAttribute("data-redraws"));
    await call({
      requestURL: `${DESK}/storage`,
      requestType: "POST",
      postBody: JSON.stringify({ key: "draft", queriableValue: "open", value: {} }),
    });
    await page.waitForFunction((n) => Number(document.body.dataset["redraws"]) > n, redraws);
    expect(await form.getByLabel("Org id").inputValue()).toBe("67890");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("install-config-trackerToken");
    await form.getByRole("button", { name: "Install" }).click();
    const card = page.getByRole("article", { name: "Org 67890" });
    await card.waitFor();
    expect(await card.innerText()).toContain("********");
    expect(await form.getByLabel(/Tracker API token/).inputValue()).toBe("");
    const installs = listener.received.filter((request) => request.url === "/desk/callbacks/install");
    expect(installs.map((request) => JSON.parse(request.body.toString()).orgId)).toEqual([12345, 67890]);
  });

  it("uninstalls from the page", async () => {
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Uninstall from org 67890" }).click();
    await page.getByRole("article", { name: "Org 67890" }).waitFor({ state: "detached" });
    expect(listener.received.at(-1)?.url).toBe("/desk/callbacks/uninstall");
  });

  it("browses storage by key prefix and queriableValue, a page at a time", async () => {
    await go("Storage");
    const summary = page.locator("#storage-summary");
    await summary.filter({ hasText: "Keys 1–50 of 121" }).waitFor();
    await page.getByLabel("Key prefix").fill("ticket:11");
    await page.getByRole("button", { name: "Filter" }).click();
    await summary.filter({ hasText: "Keys 1–20 of 20" }).waitFor();
    expect(await page.locator("#storage-table tbody tr td.mono").first().innerText()).toBe("ticket:1100");
    expect(await page.locator("#storage-table pre").first().innerText()).toBe('{\n  "n": 100\n}');
    await page.getByLabel("Key prefix").fill("");
    await page.getByLabel("queriableValue").fill("escalated");
    await page.getByRole("button", { name: "Filter" }).click();
    await summary.filter({ hasText: "Keys 1–40 of 40" }).waitFor();
    await page.getByLabel("queriableValue").fill("");
    await page.getByRole("button", { name: "Filter" }).click();
    await summary.filter({ hasText: "Keys 1–50 of 121" }).waitFor();
    await page.getByRole("button", { name: "Next" }).click();
    await summary.filter({ hasText: "Keys 51–100 of 121" }).waitFor();
    await page.getByRole("button", { name: "Next" }).click();
    await summary.filter({ hasText: "Keys 101–121 of 121" }).waitFor();
    expect(await page.getByRole("button", { name: "Next" }).isDisabled()).toBe(true);
    await page.getByRole("button", { name: "Previous" }).click();
    await summary.filter({ hasText: "Keys 51–100 of 121" }).waitFor();
  });

  it("groups logs as Desk does, a parent with its sub logs, each with its expiry", async () => {
    await go("Logs");
    const group = page.getByRole("article", { name: "Log Escalation started" });
    await group.waitFor();
    expect(await group.locator(".sublogs li h4").allInnerTexts()).toEqual([
      "Issue created",
      "Ticket field updated",
    ]);
    expect(await group.innerText()).toContain("2 sub logs");
    expect(await group.innerText()).toMatch(/expires 2025-02-06 09:4\d:\d\d/);
    await page.getByRole("article", { name: "Log Nightly sync" }).waitFor();
  });

  it("lists callbacks sent and sends one again", async () => {
    await go("Callbacks");
    const table = page.locator("#callbacks-table tbody tr");
    await expectCount(table, 3);
    const before = listener.received.length;
    await page.getByRole("button", { name: "Send onInstall again" }).last().click();
    await toast().filter({ hasText: "onInstall sent again: 200" }).waitFor();
    await expectCount(table, 4);
    expect(listener.received).toHaveLength(before + 1);
    expect(JSON.parse(listener.received.at(-1)!.body.toString())).toMatchObject({
      event: "onInstall",
      orgId: 12345,
    });
  });

  it("never shows a secret, a HASH, a securityContext or a secure value", async () => {
    await go("Invocations");
    await page.getByRole("link", { name: `${target.url}/issues` }).click();
    await page.locator("aside.detail").waitFor();
    const everything = [await page.content(), ...bodies].join("\n");
    expect(bodies.length).toBeGreaterThan(10);
    for (const secret of [FIXTURE_SECRET, installation.securityContext, TOKEN, TYPED_TOKEN, ...hashes]) {
      expect(everything.includes(secret), `found ${secret.slice(0, 6)}…`).toBe(false);
    }
    expect(everything).not.toMatch(/dsc1\.[A-Za-z0-9_-]{16}/);
  });

  it("saves a screenshot", async () => {
    mkdirSync(RESULTS, { recursive: true });
    // The toast of the last action would cover the detail.
    await toast().evaluate((element) => {
      (element as HTMLElement).hidden = true;
    });
    const shot = await page.screenshot({ path: `${RESULTS}dashboard.png` });
    expect(shot.length).toBeGreaterThan(10_000);
    for (const section of ["Installations", "Storage", "Logs", "Callbacks"]) {
      await go(section);
      await page.locator(`#${section.toLowerCase()} .panel-body > *`).first().waitFor();
      await page.screenshot({ path: `${RESULTS}dashboard-${section.toLowerCase()}.png` });
    }
  });
});

/** Waits (polling, bounded by the test timeout) until `locator` matches `count` elements. */
async function expectCount(locator: ReturnType<Page["locator"]>, count: number): Promise<void> {
  await locator.nth(count - 1).waitFor();
  expect(await locator.count()).toBe(count);
}

describe.skipIf(!chromiumAvailable)("dashboard in Chromium, with an admin token", () => {
  it("asks for the token, refuses a wrong one, then works with it (data and admin writes)", async () => {
    const emulator = await startEmulator({
      manifest: fixtureManifest(),
      resources: fixtureResources(),
      port: 0,
      db: ":memory:",
      adminToken: "shared-machine-token-31",
    });
    const browser = await launchChromium();
    try {
      const installation = await emulator.install({ orgId: "777" });
      const page = await browser.newPage();
      await page.goto(`${emulator.url}/_emulator/#installations`);
      const token = page.getByLabel("Token", { exact: true });
      await token.fill("not-the-token");
      await page.getByRole("button", { name: "Open the dashboard" }).click();
      await page.getByText("That token is not the one this emulator was started with.").waitFor();
      await page.getByLabel("Token", { exact: true }).fill("shared-machine-token-31");
      await page.getByRole("button", { name: "Open the dashboard" }).click();
      await page.locator("body[data-ready=true]").waitFor();
      await page.locator(".live[data-state=on]").waitFor();
      await page.getByRole("switch", { name: /Unlink issues/ }).click();
      await page.locator("#toast").filter({ hasText: "canUnlink enabled" }).waitFor();
      const call = invoker(emulator.url, FIXTURE_SECRET, installation);
      const answer = await call({ requestURL: `${DESK}/myPermissions`, requestType: "GET" });
      expect(answer.target!.statusMessage).toEqual({
        data: [
          { apiName: "canEscalate", isEnabled: true },
          { apiName: "canUnlink", isEnabled: true },
        ],
      });
      expect(await page.content()).not.toContain("shared-machine-token-31");
    } finally {
      await browser.close();
      await emulator.close();
    }
  }, 60_000);
});
