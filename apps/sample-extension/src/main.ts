#!/usr/bin/env node
// Runs the sample extension on http://127.0.0.1:4200 (the callbackListener URLs of plugin-manifest.json).
//   DESK_SECRET     the manifest secret (default: the one in plugin-manifest.json, fine for local work only)
//   DESK_BASE_URL   where invoke calls go, e.g. a running emulator: http://127.0.0.1:4100 (default: Desk)
//   TRACKER_URL     the tracker's origin, whitelisted in the manifest (default: the stand-in, http://127.0.0.1:4300)
//   PORT            default 4200
//   DATABASE_URL, REDIS_URL, STORE_DB, STORE_KEYS   where installations and rate limits live (select-backends.ts):
//                   SQLite and in-memory limits by default, PostgreSQL and Redis for several instances
// `node dist/main.js widget-url --org <orgId> --user <userId> [--ticket <id>]` prints the widget's URL with a
// fresh token instead (the step your sign-in would do; see README "Who may call the routes").
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { selectBackends } from "./select-backends.js";
import { DEFAULT_TRACKER_URL, startSampleExtension } from "./start-sample-extension.js";
import { deriveWidgetTokenKey, issueWidgetToken } from "./widget-token.js";

const manifest = JSON.parse(readFileSync(new URL("../plugin-manifest.json", import.meta.url), "utf8")) as {
  secret: string;
};
const secret = process.env["DESK_SECRET"] ?? manifest.secret;
const port = Number(process.env["PORT"] ?? 4200);

if (process.argv[2] === "widget-url") {
  const { values } = parseArgs({
    args: process.argv.slice(3),
    options: { org: { type: "string" }, user: { type: "string" }, ticket: { type: "string" } },
  });
  if (!values.org || !values.user) {
    console.error("usage: sample-extension widget-url --org <orgId> --user <userId> [--ticket <ticketId>]");
    process.exit(2);
  }
  const token = issueWidgetToken(
    { orgId: values.org, userId: values.user },
    { key: deriveWidgetTokenKey(secret), now: () => new Date() },
  );
  const query = values.ticket ? `?ticketId=${encodeURIComponent(values.ticket)}` : "";
  console.log(`http://127.0.0.1:${port}/app/widget.html${query}#token=${token}`);
} else {
  const baseUrl = process.env["DESK_BASE_URL"];
  const backends = selectBackends(process.env);
  const extension = await startSampleExtension({
    port,
    desk: { secret, ...(baseUrl && { baseUrl }), extensionData: { rateLimit: backends.rateLimit } },
    trackerUrl: process.env["TRACKER_URL"] ?? DEFAULT_TRACKER_URL,
    store: backends.store,
  });
  console.log(`sample extension listening on ${extension.url}: ${backends.summary}`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(
      signal,
      () =>
        void extension
          .close()
          .then(backends.close)
          .then(() => process.exit(0)),
    );
  }
}
