// The callback listener (the manifest's callbackListener URLs point here), with a hook on install.
import { createServer } from "node:http";
import { createCallbackHandler, createDesk } from "@desk/sdk";
import { createFileInstallationStore, toNodeHandler } from "@desk/sdk/node";

const desk = createDesk({
  secret: process.env.DESK_SECRET!, // the manifest's "secret"
  baseUrl: process.env.DESK_BASE_URL ?? "https://desk.zoho.com", // the emulator's URL when you work locally
});
const store = createFileInstallationStore("./data/installations.json");
const callbacks = createCallbackHandler({
  desk,
  store,
  on: {
    onInstall: (event, inst) => inst.logs.add({ title: "installed", description: `org ${event.orgId}` }),
  },
});

const port = Number(process.env.PORT ?? 4200);
createServer(toNodeHandler(callbacks)).listen(port, "127.0.0.1", () => {
  console.log(`listening for Desk callbacks on http://127.0.0.1:${port}`);
});
