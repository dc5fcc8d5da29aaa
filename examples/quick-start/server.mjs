// The callback listener: the manifest's callbackListener URLs point here.
import { createServer } from "node:http";
import { createCallbackHandler, createDesk } from "@desk/sdk";
import { createFileInstallationStore, toNodeHandler } from "@desk/sdk/node";

const desk = createDesk({
  secret: process.env.DESK_SECRET, // the manifest's "secret"
  baseUrl: process.env.DESK_BASE_URL ?? "https://desk.zoho.com", // the emulator's URL when you work locally
});
const store = createFileInstallationStore("./data/installations.json");

// Verifies every callback's HASH over the raw body, saves installations on install, forgets them on uninstall.
const port = Number(process.env.PORT ?? 4200);
createServer(toNodeHandler(createCallbackHandler({ desk, store }))).listen(port, "127.0.0.1", () => {
  console.log(`listening for Desk callbacks on http://127.0.0.1:${port}`);
});
