// The baseline of the invoke-proxy benchmark: the least a proxy for the invoke form can do. node:http, the form
// parsed with URLSearchParams, queryParams and headers parsed as JSON, the call forwarded with fetch, the answer
// wrapped the way Desk wraps it. No HASH, no securityContext, no whitelist, no limits, no placeholders: what the
// emulator does beyond this is what its ratio pays for. Sends `{ url }` when listening, answers "cpu" with its
// process.cpuUsage(), exits on "close".
import { createServer } from "node:http";

const server = createServer(async (request, response) => {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
  const url = new URL(form.get("requestURL"));
  for (const [name, value] of Object.entries(JSON.parse(form.get("queryParams") || "{}")))
    url.searchParams.set(name, String(value));
  try {
    const target = await fetch(url, {
      method: form.get("requestType"),
      headers: JSON.parse(form.get("headers") || "{}"),
      body: form.get("postBody") || undefined,
    });
    const text = await target.text();
    let statusMessage = text;
    try {
      statusMessage = JSON.parse(text);
    } catch {
      // Not JSON: the text as it is.
    }
    const body = JSON.stringify({
      response: JSON.stringify({ statusMessage, status: target.ok ? "true" : "false" }),
      statusCode: target.status,
      responseHeaders: Object.fromEntries(target.headers),
    });
    response.writeHead(200, { "Content-Type": "application/json" });
    response.end(body);
  } catch (error) {
    response.writeHead(502, { "Content-Type": "application/json" });
    response.end(JSON.stringify({ message: String(error) }));
  }
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => process.send({ url: `http://127.0.0.1:${server.address().port}` }));
process.on("message", (message) => {
  if (message === "cpu") process.send({ cpu: process.cpuUsage() });
  else if (message === "close") {
    server.close(() => process.disconnect());
    server.closeAllConnections();
  }
});
