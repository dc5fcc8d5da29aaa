// Started by the registry test with the tools' Node (a child process, so the test can stop it): a real Verdaccio
// on 127.0.0.1 and a port the OS picks, with its storage, users and config in the folder given as the only
// argument. It serves the @desk scope only (no uplink: nothing is proxied from anywhere), accepts publishes
// from a logged-in user, and prints {"port":N} once it listens. SIGTERM closes it.
import { join } from "node:path";
import { runServer } from "verdaccio";

const folder = process.argv[2];
if (!folder) throw new Error("verdaccio-server: pass the folder for its storage");

const app = await runServer({
  self_path: folder,
  storage: join(folder, "storage"),
  auth: { htpasswd: { file: join(folder, "htpasswd"), max_users: 10 } },
  uplinks: {},
  packages: {
    "@desk/*": { access: "$all", publish: "$authenticated", unpublish: "$authenticated" },
    "**": { access: "$all" },
  },
  web: { enable: false },
  log: { type: "stdout", format: "json", level: "warn" },
  max_body_size: "50mb",
});
const server = app.listen(0, "127.0.0.1", () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});
process.on("SIGTERM", () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
