// The extension's callback listener, as @desk/sdk's README writes it: verifies each callback's HASH and keeps
// installations in a JSON file. Listens on 127.0.0.1 and a port the OS picks; prints {"port":N}.
import { createServer } from "node:http";
import { createCallbackHandler, createDesk } from "@desk/sdk";
import { createFileInstallationStore, toNodeHandler } from "@desk/sdk/node";
import desk from "./desk.json" with { type: "json" };

const store = createFileInstallationStore("./installations.json");
const handler = createCallbackHandler({
  desk: createDesk({ secret: desk.secret, dataCenter: "com" }),
  store,
});
const server = createServer(toNodeHandler(handler)).listen(0, "127.0.0.1", () => {
  console.log(JSON.stringify({ port: server.address().port }));
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
