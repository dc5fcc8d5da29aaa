import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { InvokeHashFields } from "@desk/hash";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { hashVectors, type InvokeVector } from "../../../fixtures/hash-vectors.js";

/** One request the test server received. */
export interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  form: Record<string, string>;
}

export type Handler = (request: Received, response: ServerResponse) => void;

/** A JSON answer. */
export function reply(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(typeof body === "string" ? body : JSON.stringify(body));
}

/** Desk's production shape for a target answer. */
export function deskAnswer(statusCode: number, body: unknown, headers: Record<string, string> = {}) {
  return {
    statusCode,
    response: JSON.stringify({ statusMessage: body, status: statusCode < 300 ? "true" : "false" }),
    responseHeaders: { "Content-Type": "application/json", ...headers },
  };
}

export const okHandler: Handler = (_request, response) => reply(response, 200, deskAnswer(200, { ok: true }));

/**
 * A real HTTP server on an ephemeral loopback port standing in for Desk's invoke endpoint
 * (after ky's test/helpers/create-http-test-server.ts). Handlers are queued per test; the last one repeats.
 */
export async function createDeskTestServer() {
  const requests: Received[] = [];
  let handlers: Handler[] = [okHandler];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const received: Received = {
        method: request.method ?? "",
        url: request.url ?? "",
        headers: request.headers,
        body,
        form: Object.fromEntries(new URLSearchParams(body)),
      };
      requests.push(received);
      const handler = handlers.length > 1 ? handlers.shift()! : handlers[0]!;
      handler(received, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    /** Answers the next requests with these handlers in turn; the last one keeps answering. */
    use(...next: Handler[]) {
      handlers = next;
    },
    reset() {
      requests.length = 0;
      handlers = [okHandler];
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

export type DeskTestServer = Awaited<ReturnType<typeof createDeskTestServer>>;

/**
 * One Desk test server for the whole file: started before its tests, reset before each, closed after all.
 * The handle is filled in by `beforeAll`, so read its fields inside tests, not at import time.
 */
export function useDeskTestServer(): DeskTestServer {
  const handle = {} as DeskTestServer;
  beforeAll(async () => {
    Object.assign(handle, await createDeskTestServer());
  });
  afterAll(() => handle.close());
  beforeEach(() => handle.reset());
  return handle;
}

/** A port nothing listens on: a server is opened on port 0 and closed again. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/** The public known-answer vectors (fixtures/hash-vectors.json). */
export const invokeVectors: InvokeVector[] = hashVectors.invoke;

/** The form fields the server received, without securityContext (what was hashed). */
export function hashedFields(received: Received): InvokeHashFields {
  const { securityContext: _, ...fields } = received.form;
  return fields;
}
