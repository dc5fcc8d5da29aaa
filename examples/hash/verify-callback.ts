// Verify a platform event callback over its RAW body (express.raw, never express.json), then parse it.
import { assertCallbackHash, HashVerificationError } from "@desk/hash";
import express from "express";

const app = express();
app.post("/desk/callbacks", express.raw({ type: "*/*" }), async (req, res) => {
  try {
    await assertCallbackHash(process.env.DESK_SECRET!, req.body, req.get("HASH"));
  } catch (error) {
    if (HashVerificationError.isInstance(error)) return void res.sendStatus(401); // missing, malformed, wrong
    throw error;
  }
  const event = JSON.parse(req.body.toString("utf8"));
  console.log(`${event.event} from org ${event.orgId}`);
  res.sendStatus(200);
});

const port = Number(process.env.PORT ?? 4200);
app.listen(port, "127.0.0.1", () => console.log(`listening for Desk callbacks on http://127.0.0.1:${port}`));
