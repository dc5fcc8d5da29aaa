import { type Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { type Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { pipeline, type Readable } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import { OUTGOING_USER_AGENT } from "../constants.js";

const DECODERS: Record<string, () => NodeJS.ReadWriteStream> = {
  gzip: createGunzip,
  "x-gzip": createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/** An answer as node:http received it: its status and headers, and its body as a Node stream (decoded), or null. */
export interface SentAnswer {
  status: number;
  headers: Headers;
  body: Readable | null;
}

/**
 * Sends one HTTP request the way a server does, not a browser: node:http with exactly the headers given, plus
 * `User-Agent: OUTGOING_USER_AGENT` when none is given (fetch would add `sec-fetch-mode`, `accept-language`,
 * `accept`, `accept-encoding` and `user-agent: node`). Redirects are not followed. A compressed answer (only when
 * the caller asked for one) is decoded, as fetch would. Rejects with the signal's reason when it aborts.
 * Every way out closes the socket unless the answer was read to its end: an abort destroys the request, and
 * destroying the answer's body (or a decoder failing) destroys the incoming message and its socket. The body stays
 * a Node stream: wrapping it in a web Response cost more than reading it.
 */
export function sendRequest(
  url: URL,
  init: {
    method: string;
    headers: Headers;
    body?: string | Uint8Array | undefined;
    signal: AbortSignal;
    agents: { http: HttpAgent; https: HttpsAgent };
  },
): Promise<SentAnswer> {
  const headers: Record<string, string> = {};
  init.headers.forEach((value, name) => {
    headers[name] = value;
  });
  headers["user-agent"] ??= OUTGOING_USER_AGENT;
  if (init.body !== undefined) headers["content-length"] = String(Buffer.byteLength(init.body));
  const https = url.protocol === "https:";
  const send = https ? httpsRequest : httpRequest;
  const agent = https ? init.agents.https : init.agents.http;
  return new Promise((resolve, reject) => {
    const outgoing = send(url, { method: init.method, headers, signal: init.signal, agent }, (incoming) => {
      try {
        resolve(toAnswer(incoming, init.method));
      } catch (error) {
        incoming.destroy();
        reject(error);
      }
    });
    outgoing.on("error", (error) => reject(init.signal.aborted ? init.signal.reason : error));
    outgoing.end(init.body);
  });
}

function toAnswer(incoming: IncomingMessage, method: string): SentAnswer {
  const status = incoming.statusCode ?? 0;
  const headers = new Headers();
  for (let index = 0; index + 1 < incoming.rawHeaders.length; index += 2) {
    headers.append(incoming.rawHeaders[index]!, incoming.rawHeaders[index + 1]!);
  }
  if (status < 200 || status > 599) throw new Error(`invalid HTTP status ${status}`);
  if (status === 204 || status === 205 || status === 304 || method === "HEAD") {
    incoming.resume();
    return { status, headers, body: null };
  }
  const decoder = DECODERS[(headers.get("content-encoding") ?? "").trim().toLowerCase()];
  let body: Readable = incoming;
  if (decoder !== undefined) {
    headers.delete("content-encoding");
    headers.delete("content-length");
    // pipeline, not pipe: a decoder destroyed (the body cancelled, a corrupt stream) destroys the socket too.
    body = pipeline(incoming, decoder(), () => undefined) as unknown as Readable;
  }
  return { status, headers, body };
}
