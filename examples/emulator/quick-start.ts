// Run in the extension's folder (it reads ./plugin-manifest.json), with the extension's callback listener running.
import { startEmulator } from "@desk/emulator";
import { createInvokeClient } from "@desk/invoke-core";

const desk = await startEmulator({ manifest: "./plugin-manifest.json", port: 0, db: ":memory:" });
// Creates the installation and sends the signed onInstall callback to your callbackListener.
const { installationId, orgId, securityContext } = await desk.install({ config: { greeting: "Hello" } });
// Point your invoke client at desk.url and sign with the manifest's secret:
const client = createInvokeClient({ secret: desk.secret!, orgId, securityContext, baseUrl: desk.url });
const tickets = await client.invoke({ url: `${client.deskOrigin}/api/v1/tickets`, method: "GET" });
const outcome = await desk.trigger("onUpdate", { installationId }); // signed, sent, recorded
console.log(tickets.status, outcome.event, outcome.ok, outcome.status);
await desk.close();
