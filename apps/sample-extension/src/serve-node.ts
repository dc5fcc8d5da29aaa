import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { toNodeHandler } from "@desk/sdk/node";

/**
 * A web handler listening on node:http: what the extension and the stand-in tracker share.
 *
 * @example
 * const served = await serveNode(async () => new Response("ok"), { port: 0, onError: console.error });
 * await served.close();
 */
export interface ServedNode {
  /** "http://127.0.0.1:<port>" */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Serves `handler` on `host:port` (0 picks a free port); `close()` stops listening and ends open connections.
 *
 * @example
 * const served = await serveNode(async () => new Response("ok"), { port: 0, onError: console.error });
 */
export async function serveNode(
  handler: (request: Request) => Promise<Response>,
  options: { port: number; host?: string; onError: (error: unknown) => void },
): Promise<ServedNode> {
  const server = createServer(toNodeHandler(handler, { onError: options.onError }));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "127.0.0.1", resolve);
  });
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
