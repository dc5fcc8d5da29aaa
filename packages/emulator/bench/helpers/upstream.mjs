// The loopback upstream of the invoke-proxy benchmark, in a process of its own so that neither the proxies nor the
// load generator share its event loop: answers every request with a small JSON body naming its path, sends
// `{ url }` when listening, answers "count" with `{ count }` (requests answered so far) and exits on "close".
import { createServer } from "node:http";

let count = 0;
const server = createServer((request, response) => {
  request.resume();
  request.on("end", () => {
    count++;
    response.writeHead(200, { "Content-Type": "application/json" });
    response.end(`{"ok":true,"path":${JSON.stringify(request.url)}}`);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => process.send({ url: `http://127.0.0.1:${server.address().port}` }));
process.on("message", (message) => {
  if (message === "count") process.send({ count });
  else if (message === "close") {
    server.close(() => process.disconnect());
    server.closeAllConnections();
  }
});
