import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Hono } from "hono";

/** A listening node server around a Hono app. */
export interface Listener {
  url: string;
  close(): Promise<void>;
}

/** Listens on host:port (0 = ephemeral) and resolves once bound. */
export function listen(app: Hono, host: string, port: number): Promise<Listener> {
  return new Promise((resolve, reject) => {
    // overrideGlobalObjects: false keeps the process's own Request/Response (tests share the process).
    const server = serve(
      { fetch: app.fetch, hostname: host, port, overrideGlobalObjects: false },
      (info: AddressInfo) => {
        const shown = info.family === "IPv6" ? `[${info.address}]` : info.address;
        resolve({
          url: `http://${shown}:${info.port}`,
          close: () =>
            new Promise<void>((done, fail) => {
              server.close((error) => (error ? fail(error) : done()));
              if ("closeAllConnections" in server) server.closeAllConnections();
            }),
        });
      },
    );
    server.once("error", reject);
  });
}
