#!/usr/bin/env node
// The offline demo (`npm run demo`: install, build, then this file). It runs the local Desk emulator and the
// sample extension (apps/sample-extension, built on @desk/sdk) on 127.0.0.1, and walks one installation from
// install to uninstall. No network besides loopback; nothing secret is printed (no secret, HASH or securityContext).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const app = new URL("../apps/sample-extension/", import.meta.url);
// The built packages, as the sample extension sees them (its own dependency on @desk/emulator).
const emulatorEntry = createRequire(new URL("package.json", app)).resolve("@desk/emulator");
const { startEmulator } = await import(pathToFileURL(emulatorEntry).href);
const { startSampleExtension } = await import(new URL("dist/index.js", app).href);

const manifest = JSON.parse(readFileSync(new URL("plugin-manifest.json", app), "utf8"));
const resources = JSON.parse(readFileSync(new URL("resources.json", app), "utf8"));
const ORG = "60001";

const bold = (text) => (process.stdout.isTTY && !process.env.NO_COLOR ? `\x1b[1m${text}\x1b[22m` : text);
let stepNumber = 0;
const step = (title) => console.log(`\n${bold(`${++stepNumber}. ${title}`)}`);
const show = (line) => console.log(`   ${line}`);
const outcome = ({ event, status, durationMs }) =>
  `Desk sent ${event}, signed -> the extension verified the HASH and answered ${status} (${durationMs} ms)`;

let emulator;
let extension;
try {
  // The extension listens first: the manifest's callbackListener URLs must name its real port.
  extension = await startSampleExtension({
    port: 0,
    desk: () => ({ secret: manifest.secret, baseUrl: emulator.url }),
    say: (line) => show(`extension | ${line}`),
  });
  const listening = JSON.stringify(manifest).replaceAll("http://127.0.0.1:4200", extension.url);
  emulator = await startEmulator({ manifest: JSON.parse(listening), resources, port: 0, db: ":memory:" });
  const call = async (method, path) => {
    const response = await fetch(`${extension.url}${path}`, { method });
    return { status: response.status, body: await response.json() };
  };
  // The emulator's admin API (loopback only): what Desk itself holds and sent.
  const admin = async (path) => (await fetch(`${emulator.url}/_emulator/${path}`)).json();
  const lastCallback = async (event) =>
    (await admin("callbacks")).data.filter((item) => item.event === event).at(-1);

  step("Start a local Desk and the sample extension");
  show(`emulator   ${emulator.url}   (extension "${manifest.name}", SQLite in memory)`);
  show(`extension  ${extension.url}   (apps/sample-extension on @desk/sdk, node:http)`);

  step(`Install the extension in org ${ORG}`);
  const installed = await emulator.install({
    orgId: ORG,
    config: { trackerProject: "ESC", trackerToken: "demo-token-not-shown" },
  });
  for (const callback of installed.callbacks) show(outcome(callback));
  show(`the extension now knows ${(await extension.store.list()).length} installation (org ${ORG})`);

  step("Pick a ticket (the extension reads them from Desk through the signed invoke API)");
  const { body: listed } = await call("GET", `/tickets?orgId=${ORG}`);
  for (const ticket of listed.tickets) show(`#${ticket.ticketNumber}  ${ticket.subject}`);
  const ticket = listed.tickets[0];

  step(`Escalate ticket #${ticket.ticketNumber}`);
  show(`POST /escalate/${ticket.id}: checks canEscalate, reads the ticket, sets its Tracker Key field`);
  const escalated = await call("POST", `/escalate/${ticket.id}?orgId=${ORG}`);
  show(`-> ${escalated.status}  tracker key ${escalated.body.trackerKey}, stored as ticket:${ticket.id}`);

  step('List escalations (paged storage query by queriableValue "escalated")');
  const { body: escalations } = await call("GET", `/escalations?orgId=${ORG}`);
  for (const item of escalations.escalations)
    show(`${item.trackerKey}  #${item.ticketNumber}  ${item.subject}`);

  step("An admin changes a config param in Desk");
  await emulator.setConfig(installed.installationId, { trackerProject: "OPS" });
  show(outcome(await lastCallback("onConfigParamAdd")));
  const { body: nextTicket } = await call("POST", `/escalate/${listed.tickets[1].id}?orgId=${ORG}`);
  show(`the next escalation (ticket #${nextTicket.ticketNumber}) gets tracker key ${nextTicket.trackerKey}`);

  step("The extension's logs, as Desk shows them (grouped by reference)");
  const logs = await admin(`logs?installationId=${installed.installationId}`);
  for (const log of logs.data.reverse()) {
    show(`${log.title}: ${log.description}`);
    for (const sub of log.subLogs) show(`  └─ ${sub.title}: ${sub.description}`);
  }

  step("Uninstall");
  await emulator.uninstall(installed.installationId);
  show(outcome(await lastCallback("onUninstall")));
  const after = await call("GET", `/escalations?orgId=${ORG}`);
  show(
    `the extension knows ${(await extension.store.list()).length} installations; /escalations -> ${after.status} ${after.body.error}`,
  );
  const { data: left } = await admin("installations");
  const { data: logsLeft } = await admin(`logs?installationId=${installed.installationId}`);
  show(`Desk has ${left.length} installations and ${logsLeft.length} logs of it left: its data is gone`);

  console.log(
    `\n${bold("Done.")} Everything ran offline on 127.0.0.1. Next: apps/sample-extension/README.md`,
  );
} finally {
  await emulator?.close();
  await extension?.close();
}
