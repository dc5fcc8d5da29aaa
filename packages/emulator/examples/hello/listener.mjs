// A stand-in for the extension's server: receives the emulator's platform event callbacks on port 4200,
// checks each HASH (HMAC-SHA256 of the raw body with the manifest secret) and prints what arrived.
// Run: node listener.mjs   (from this folder)
import { createHmac, timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const { secret } = JSON.parse(readFileSync(new URL("./plugin-manifest.json", import.meta.url), "utf8"));
const port = Number(process.env.PORT ?? 4200);

createServer((request, response) => {
  const chunks = [];
  request.on("data", (chunk) => chunks.push(chunk));
  request.on("end", () => {
    const raw = Buffer.concat(chunks); // verify the raw bytes, never a re-serialised object
    const expected = createHmac("sha256", secret).update(raw).digest();
    const given = Buffer.from(String(request.headers.hash ?? ""), "hex");
    const valid = given.length === expected.length && timingSafeEqual(given, expected);
    let event = "?";
    let orgId = "?";
    try {
      ({ event, orgId } = JSON.parse(raw.toString("utf8")));
    } catch {
      // a --raw-payload body need not be JSON
    }
    console.log(
      `${request.method} ${request.url}  event=${event} orgId=${orgId}  HASH ${valid ? "valid" : "INVALID"}`,
    );
    response.writeHead(valid ? 200 : 401, { "content-type": "application/json" });
    response.end(JSON.stringify({ received: valid }));
  });
}).listen(port, "127.0.0.1", () => console.log(`listener on http://127.0.0.1:${port}`));
