// A stand-in for the issue tracker, to try the Quick start offline (the manifest whitelists it):
// POST /issues with the right Bearer token gets a new issue key, anything else 401.
import { createServer } from "node:http";

const token = process.env.TRACKER_TOKEN ?? "t0k";
const port = Number(process.env.PORT ?? 4300);
let issues = 0;
createServer((request, response) => {
  request.resume();
  const ok =
    request.method === "POST" &&
    request.url === "/issues" &&
    request.headers.authorization === `Bearer ${token}`;
  response.writeHead(ok ? 201 : 401, { "Content-Type": "application/json" });
  response.end(JSON.stringify(ok ? { key: `TRK-${++issues}` } : { error: "unauthorized" }));
}).listen(port, "127.0.0.1", () => console.log(`tracker stand-in on http://127.0.0.1:${port}`));
