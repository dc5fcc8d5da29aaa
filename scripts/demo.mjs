#!/usr/bin/env node
// The offline demo, `npm run demo` (the README's first command): installs and builds quietly (the output is shown
// only when a step fails), then runs the local Desk emulator, the stand-in issue tracker and the sample extension
// (apps/sample-extension, built on @desk/sdk) on 127.0.0.1, and tells one installation's story in numbered steps.
// No network besides loopback; nothing secret is printed (no secret, HASH, securityContext or token value).
//
//   node scripts/demo.mjs [--keep] [--skip-setup]
//     --keep         leave everything running afterwards and print the widget's and the dashboard's URLs
//     --skip-setup   do not install and build first (the tests run it so, on a built tree)
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const { values: flags } = parseArgs({
  options: { keep: { type: "boolean" }, "skip-setup": { type: "boolean" } },
});
const root = new URL("../", import.meta.url);
const app = new URL("apps/sample-extension/", root);
const bold = (text) => (process.stdout.isTTY && !process.env.NO_COLOR ? `\x1b[1m${text}\x1b[22m` : text);

/** Runs a command with its output kept; resolves to that output, or prints it and exits when the command fails. */
function quietly(title, args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    const output = [];
    child.stdout.on("data", (chunk) => output.push(chunk));
    child.stderr.on("data", (chunk) => output.push(chunk));
    child.on("close", (code) => {
      if (code === 0) return resolve();
      const text = Buffer.concat(output).toString() || "(none)\n";
      process.stdout.write(`\n${title} failed (exit ${code}). Its output:\n\n${text}`);
      process.exit(code ?? 1);
    });
  });
}

if (!flags["skip-setup"]) {
  const phase = async (title, name, args) => {
    const started = Date.now();
    process.stdout.write(`${title} (output shown only if it fails) ... `);
    await quietly(name, args);
    console.log(`done in ${Math.round((Date.now() - started) / 1000)} s`);
  };
  await phase("Installing dependencies", "install", [
    "scripts/pnpm.mjs",
    "install",
    "--frozen-lockfile",
    "--reporter=append-only",
  ]);
  await phase("Building the packages", "build", [
    "scripts/pnpm.mjs",
    "run",
    "build",
    "--output-logs=errors-only",
  ]);
}

// The built packages, as the sample extension sees them (its own dependency on @desk/emulator).
const emulatorEntry = createRequire(new URL("package.json", app)).resolve("@desk/emulator");
const { startEmulator } = await import(pathToFileURL(emulatorEntry).href);
const { startSampleExtension, startStandInTracker } = await import(new URL("dist/index.js", app).href);

const manifest = JSON.parse(readFileSync(new URL("plugin-manifest.json", app), "utf8"));
const resources = JSON.parse(readFileSync(new URL("resources.json", app), "utf8"));
const ORG = "60001";
const AGENT = "agent-1";
// The tracker's two credentials: the org's API token (a secure config param, so only Desk holds it) and the token
// the connection's OAuth grant would give. Made up for the demo; neither is ever printed.
const TRACKER_TOKEN = "trk_demo_b71c0e";
const CONNECTION_TOKEN = "1000.demo.4f9d2a";

/** The story must hold: a step that did not do what it says stops the demo with exit 1. */
function must(holds, what) {
  if (!holds) throw new Error(`the story broke: ${what}`);
}

let stepNumber = 0;
const step = (title) => console.log(`\n${bold(`${++stepNumber}. ${title}`)}`);
const show = (line) => console.log(`   ${line}`);
const callbackLine = ({ event, status, durationMs }) =>
  `Desk sent ${event}, signed; the extension verified the HASH and answered ${status} (${durationMs} ms)`;

let tracker;
let extension;
let emulator;
let keepRunning = false;
try {
  step("Start a local Desk, the stand-in tracker and the extension");
  tracker = await startStandInTracker({
    port: 0,
    apiToken: TRACKER_TOKEN,
    connectionToken: CONNECTION_TOKEN,
  });
  // The extension listens before the emulator starts: the manifest's callbackListener URLs must name its port.
  extension = await startSampleExtension({
    port: 0,
    trackerUrl: tracker.url,
    desk: () => ({ secret: manifest.secret, baseUrl: emulator.url }),
    say: (line) => show(`extension | ${line}`),
  });
  const local = JSON.stringify(manifest)
    .replaceAll("http://127.0.0.1:4200", extension.url)
    .replaceAll("http://127.0.0.1:4300", tracker.url);
  emulator = await startEmulator({
    manifest: JSON.parse(local),
    resources,
    name: "Escalation Desk", // Desk takes the name from the developer console; real manifests carry none
    port: 0,
    db: ":memory:",
    connections: { trackerconnection: { token: CONNECTION_TOKEN } },
  });
  show(`Desk (emulator)  ${emulator.url}  SQLite in memory`);
  show(`tracker          ${tracker.url}  stand-in for Jira or similar`);
  show(`extension        ${extension.url}  apps/sample-extension on @desk/sdk`);

  const lastCallback = async (event) =>
    (await (await fetch(`${emulator.url}/_emulator/callbacks`)).json()).data
      .filter((item) => item.event === event)
      .at(-1);

  step(`Install Escalation Desk in org ${ORG}`);
  const installed = await emulator.install({
    orgId: ORG,
    config: { trackerProject: "ESC", trackerToken: TRACKER_TOKEN },
  });
  for (const callback of installed.callbacks) show(callbackLine(callback));
  must(
    installed.callbacks.every((callback) => callback.ok),
    "the extension refused the install callback",
  );
  show("config: trackerProject=ESC, trackerToken=(secure: Desk keeps it, the extension never sees it)");

  step(`The widget gets a token for ${AGENT} in org ${ORG}`);
  const token = extension.issueWidgetToken({ orgId: ORG, userId: AGENT });
  const call = async (method, path, bearer = token) => {
    const headers = bearer ? { Authorization: `Bearer ${bearer}` } : {};
    const response = await fetch(`${extension.url}${path}`, { method, headers });
    return { status: response.status, body: await response.json() };
  };
  const anonymous = await call("GET", `/escalations?orgId=${ORG}`, null);
  must(anonymous.status === 401, "a call without a token was not refused");
  show(
    `without it, GET /escalations?orgId=${ORG} -> ${anonymous.status} (${anonymous.body.reason}): ?orgId= is not trusted`,
  );
  show("with it (Authorization: Bearer, valid 15 min), the routes act for that org and user");
  const { body: listed } = await call("GET", "/tickets");
  const [first, second, third] = listed.tickets;

  const escalate = async (ticket) => {
    const before = tracker.requests().length;
    const { status, body } = await call("POST", `/escalate/${ticket.id}`);
    return { status, body, calls: tracker.requests().slice(before) };
  };
  const describeCalls = (calls) =>
    calls
      .map(({ method, path, credential, status }) => `${method} ${path} (${credential}) ${status}`)
      .join(", ");

  step("Escalate two tickets: each creates a tracker issue through invoke");
  for (const ticket of [first, second]) {
    const { status, body, calls } = await escalate(ticket);
    show(`#${ticket.ticketNumber} ${ticket.subject}`);
    show(`  -> ${status} ${body.escalation?.issueKey ?? body.error}; tracker saw: ${describeCalls(calls)}`);
    must(status === 201 && calls.length === 2, `ticket #${ticket.ticketNumber} was not escalated`);
  }
  show(
    "apiToken = Desk put the org's trackerToken into Bearer {{trackerToken}}; connection = Desk's OAuth token",
  );

  step(`Escalate #${first.ticketNumber} again`);
  const again = await escalate(first);
  show(
    `-> ${again.status} created=${again.body.created}, the same issue ${again.body.escalation.issueKey}; the tracker saw ${again.calls.length} requests`,
  );

  must(again.status === 200 && again.calls.length === 0, "the repeated escalation created something");

  step("What the extension stored and logged");
  const { body: stored } = await call("GET", "/escalations");
  for (const item of stored.escalations)
    show(`storage ticket:${item.ticketId}  ${item.issueKey}  #${item.ticketNumber} by ${item.escalatedBy}`);
  const logs = (
    await (await fetch(`${emulator.url}/_emulator/logs?installationId=${installed.installationId}`)).json()
  ).data;
  for (const log of logs.reverse()) {
    show(`log  ${log.title}: ${log.description}`);
    for (const sub of log.subLogs) show(`       └─ ${sub.title}: ${sub.description}`);
  }

  step("An admin revokes canEscalate");
  await emulator.setPermissions(installed.installationId, { canEscalate: false });
  const denied = await escalate(third);
  show(`#${third.ticketNumber} -> ${denied.status} ${denied.body.error}: ${denied.body.message}`);
  must(denied.status === 403 && denied.calls.length === 0, "the escalation was not denied");
  await emulator.setPermissions(installed.installationId, { canEscalate: true });
  show("canEscalate switched on again");

  step("An admin changes a config param: trackerProject=OPS");
  await emulator.setConfig(installed.installationId, { trackerProject: "OPS" });
  show(callbackLine(await lastCallback("onConfigParamAdd")));
  const next = await escalate(third);
  show(
    `#${third.ticketNumber} -> ${next.status} ${next.body.escalation?.issueKey}: {{trackerProject}} now picks OPS`,
  );
  must(next.body.escalation?.issueKey === "OPS-1", "the config change did not reach the next escalation");

  const issues = tracker.issues().map((issue) => issue.key);
  if (!flags.keep) {
    step("Uninstall");
    await emulator.uninstall(installed.installationId);
    show(callbackLine(await lastCallback("onUninstall")));
    const after = await call("GET", "/escalations");
    const { data: left } = await (await fetch(`${emulator.url}/_emulator/installations`)).json();
    show(
      `the extension knows ${(await extension.store.list()).installations.length} installations; the token now gets ${after.status} ${after.body.error}`,
    );
    show(`Desk holds ${left.length} installations: the org's storage and logs are gone`);
    must(after.status === 404 && left.length === 0, "the uninstall left the installation behind");
  }

  console.log(
    `\n${bold("Done.")} ${issues.length} tracker issues (${issues.join(", ")}), one repeat answered from storage, one denial;` +
      `\nall on 127.0.0.1, offline. Next: apps/sample-extension/README.md`,
  );
  if (flags.keep) {
    console.log(
      `\n${bold("Still running (--keep)")}: the uninstall was skipped, so the widget keeps working.`,
    );
    show(`widget     ${extension.widgetUrl({ orgId: ORG, userId: AGENT, ticketId: first.id })}`);
    show(`dashboard  ${emulator.url}/_emulator/`);
    show(`CLI        DESK_EMULATOR_URL=${emulator.url} node packages/emulator/dist/cli.js installations`);
    show("The widget's token lasts 15 minutes. Press Ctrl+C to stop.");
    keepRunning = true;
  }
} catch (error) {
  console.error(`\ndemo failed: ${error?.stack ?? error}`);
  process.exitCode = 1;
} finally {
  const close = async () => {
    await emulator?.close();
    await extension?.close();
    await tracker?.close();
  };
  if (keepRunning) {
    for (const signal of ["SIGINT", "SIGTERM"])
      process.once(signal, () => void close().then(() => process.exit(0)));
  } else {
    await close();
  }
}
