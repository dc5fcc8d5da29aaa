// Callbacks in an Express app: the HASH covers the exact bytes Desk sent, so the route gets the raw body
// (express.raw), never express.json().
import { CallbackPayloadError, CallbackVerificationError, createDesk } from "@desk/sdk";
import { createFileInstallationStore } from "@desk/sdk/node";
import express from "express";

const desk = createDesk({ secret: process.env.DESK_SECRET! });
const store = createFileInstallationStore("./data/installations.json");
const app = express();

app.post("/desk/callbacks", express.raw({ type: "*/*" }), async (req, res) => {
  try {
    const event = await desk.callbacks.verifyRaw(req.body, req.get("HASH"));
    if (event.type === "onInstall")
      await store.save({ orgId: event.orgId, securityContext: event.securityContext });
    if (event.type === "onUninstall") await store.delete(event.orgId);
    res.sendStatus(200);
  } catch (error) {
    if (CallbackVerificationError.isInstance(error)) res.sendStatus(401);
    else if (CallbackPayloadError.isInstance(error)) res.sendStatus(400);
    else res.sendStatus(500);
  }
});

const port = Number(process.env.PORT ?? 4200);
app.listen(port, "127.0.0.1", () => console.log(`listening for Desk callbacks on http://127.0.0.1:${port}`));
