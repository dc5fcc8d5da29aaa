import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { Readable } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import { OUTGOING_USER_AGENT } from "../constants.js";

const DECODERS: Record<string, () => NodeJS.ReadWriteStream> = {
  gzip: createGunzip,
  "x-gzip": createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/**
 * Sends one HTTP request the way a server does, not a browser: node:http with exactly the headers given, plus
 * `User-Agent: OUTGOING_USER_AGENT` when none is given (fetch would add `sec-fetch-mode`, `accept-language`,
 * `accept`, `accept-encoding` and `user-agent: node`). Redirects are not followed. A compressed answer (only when
 * the caller asked for one) is decoded, as fetch would. Rejects with the signal's reason when it aborts.
 */
export function sendRequest(
  url: URL,
  init: { method: string; headers: Headers; body?: string | Uint8Array | undefined; signal: AbortSignal },
): Promise<Response> {
  const headers: Record<string, string> = {};
  init.headers.forEach((value, name) => {
    headers[name] = value;
  });
  headers["user-agent"] ??= OUTGOING_USER_AGENT;
  if (init.body !== undefined) headers["content-length"] = String(Buffer.byteLength(init.body));
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = send(url, { method: init.method, headers, signal: init.signal }, (incoming) => {
      try {
        resolve(toResponse(incoming, init.method));
      } catch (error) {
        incoming.destroy();
        reject(error);
      }
    });
    outgoing.on("error", (error) => reject(init.signal.aborted ? init.signal.reason : error));
    outgoing.end(init.body);
  });
}

function toResponse(incoming: IncomingMessage, method: string): Response {
  const status = incoming.statusCode ?? 0;
  const headers = new Headers();
  for (let index = 0; index + 1 < incoming.rawHeaders.length; index += 2) {
    headers.append(incoming.rawHeaders[index]!, incoming.rawHeaders[index + 1]!);
  }
  if (status < 200 || status > 599) throw new Error(`invalid HTTP status ${status}`);
  if (status === 204 || status === 205 || status === 304 || method === "HEAD") {
    incoming.resume();
    return new Response(null, { status, headers });
  }
  const decoder = DECODERS[(headers.get("content-encoding") ?? "").trim().toLowerCase()];
  let body: Readable = incoming;
  if (decoder !== undefined) {
    headers.delete("content-encoding");
    headers.delete("content-length");
    body = incoming.pipe(decoder()) as unknown as Readable;
    incoming.on("error", (error) => body.destroy(error));
  }
  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, { status, headers });
}
