import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import type { Hono } from "hono";
import { EmulatorRequestError } from "../errors/emulator-request-error.js";
import { errorResponse } from "../http/error-response.js";
import { answerClientError } from "./answer-client-error.js";

/** A listening node server around a Hono app. */
export interface Listener {
  url: string;
  close(): Promise<void>;
}

/**
 * Listens on host:port (0 = ephemeral) and resolves once bound. Every malformed request gets the typed JSON error:
 * the parser's refusals through `answerClientError`, a Host header node-server cannot use through `errorHandler`.
 */
export function listen(app: Hono, host: string, port: number): Promise<Listener> {
  return new Promise((resolve, reject) => {
    const listener = getRequestListener(app.fetch, {
      hostname: host,
      // Keeps the process's own Request/Response (tests share the process).
      overrideGlobalObjects: false,
      errorHandler: () =>
        errorResponse(
          new EmulatorRequestError({
            status: 400,
            errorCode: "BAD_REQUEST",
            message: "the Host header is not a valid host",
            field: "Host",
          }),
        ),
    });
    // Without a Host the request is still answered (typed): the admin guard refuses it, invoke does not need one.
    const server = createServer({ requireHostHeader: false }, listener);
    server.on("clientError", answerClientError);
    server.once("error", reject);
    server.listen(port, host, () => {
      const info = server.address() as AddressInfo;
      const shown = info.family === "IPv6" ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${shown}:${info.port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}
