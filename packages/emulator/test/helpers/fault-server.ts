import type { AddressInfo } from "node:net";
import { createServer, type Socket } from "node:net";
import { gzipSync } from "node:zlib";

/** What the upstream does with one request, chosen by the request's path (`/<fault>`). */
export type Fault =
  | "ok"
  | "late-headers"
  | "stall-mid-body"
  | "reset-mid-body"
  | "oversized-declared"
  | "oversized-streamed"
  | "oversized-compressed"
  | "not-http"
  | "close-before-answer";

/** One request the upstream received, with the state of its socket. */
export interface FaultConnection {
  fault: Fault;
  /** Which connection carried it: 0 for the first the server accepted, then 1, 2... */
  connection: number;
  /** When the request's head arrived (performance.now()). */
  receivedAt: number;
  /** Resolves with performance.now() when the socket is closed, from either side. */
  closed: Promise<number>;
  isClosed: () => boolean;
}

/** A raw TCP upstream speaking just enough HTTP/1.1 to misbehave on purpose, one way per path. */
export interface FaultServer {
  origin: string;
  /** Every request received, in order. */
  requests: FaultConnection[];
  /** Sockets not closed yet. */
  openSockets: () => number;
  close: () => Promise<void>;
}

const OK_BODY = '{"ok":true}';

/**
 * Starts the upstream on an ephemeral loopback port. `oversizedBytes` is the body length of the oversized faults
 * (streamed in chunks for `oversized-streamed`, only declared for `oversized-declared`, a small gzip stream that
 * inflates to it for `oversized-compressed`).
 */
export async function startFaultServer(oversizedBytes: number): Promise<FaultServer> {
  const bomb = gzipSync(Buffer.alloc(oversizedBytes, 0x20));
  const sockets = new Set<Socket>();
  const requests: FaultConnection[] = [];
  let accepted = 0;
  const server = createServer((socket) => {
    const connection = accepted++;
    sockets.add(socket);
    const closed = new Promise<number>((resolve) => socket.once("close", () => resolve(performance.now())));
    socket.once("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
    let head = "";
    socket.on("data", (chunk: Buffer) => {
      head += chunk.toString("latin1");
      // One request per head; "ok" answers keep the connection alive for the next one.
      for (let end = head.indexOf("\r\n\r\n"); end !== -1; end = head.indexOf("\r\n\r\n")) {
        const requestLine = head.slice(0, head.indexOf("\r\n"));
        head = head.slice(end + 4);
        const fault = (requestLine.split(" ")[1] ?? "/ok").slice(1).split("?")[0] as Fault;
        requests.push({
          fault,
          connection,
          receivedAt: performance.now(),
          closed,
          isClosed: () => socket.destroyed,
        });
        answer(socket, fault, oversizedBytes, bomb);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    openSockets: () => sockets.size,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of sockets) socket.destroy();
        if (!server.listening) return resolve();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function answer(socket: Socket, fault: Fault, oversizedBytes: number, bomb: Buffer): void {
  const head = (length: number) =>
    `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;
  switch (fault) {
    case "ok":
      socket.write(head(Buffer.byteLength(OK_BODY)) + OK_BODY);
      return;
    case "late-headers":
      return; // The head never comes: the emulator's timeout fires.
    case "stall-mid-body":
      socket.write(`${head(1000)}{"partial":`);
      return; // 990 bytes promised, never sent.
    case "reset-mid-body":
      socket.write(`${head(1000)}{"partial":`, () => socket.resetAndDestroy());
      return;
    case "oversized-declared":
      // An honest Content-Length over the limit: refused before reading. The body is never sent.
      socket.write(head(oversizedBytes));
      return;
    case "oversized-streamed":
      streamChunked(socket, oversizedBytes);
      return;
    case "oversized-compressed":
      socket.write(
        `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: ${bomb.length}\r\n\r\n`,
      );
      socket.write(bomb);
      return;
    case "not-http":
      socket.write("SSH-2.0-OpenSSH_9.2\r\n\u0000\u00ff\u0013garbage that is not HTTP\r\n\r\n");
      return;
    case "close-before-answer":
      socket.end();
      return;
  }
}

/** A chunked body of `total` bytes with no Content-Length, written as fast as the peer reads it. */
function streamChunked(socket: Socket, total: number): void {
  socket.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  const frame = Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")]);
  let sent = 0;
  const pump = () => {
    while (sent < total && !socket.destroyed) {
      sent += chunk.length;
      if (!socket.write(frame)) {
        socket.once("drain", pump);
        return;
      }
    }
    if (!socket.destroyed) socket.end("0\r\n\r\n");
  };
  pump();
}
