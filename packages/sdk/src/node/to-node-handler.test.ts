import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toNodeHandler } from "./to-node-handler.js";

let server: Server;
let base: string;
const seen: { method: string; url: string; bytes: number[]; hash: string | null; cookie: string | null }[] =
  [];
const errors: unknown[] = [];

beforeAll(async () => {
  const handler = toNodeHandler(
    async (request) => {
      if (new URL(request.url).pathname === "/boom") throw new Error("handler failed with a secret inside");
      seen.push({
        method: request.method,
        url: request.url,
        bytes: [...new Uint8Array(await request.arrayBuffer())],
        hash: request.headers.get("hash"),
        cookie: request.headers.get("cookie"),
      });
      const headers = new Headers({ "X-Reply": "yes" });
      headers.append("Set-Cookie", "a=1");
      headers.append("Set-Cookie", "b=2");
      return new Response("réponse", { status: 201, headers });
    },
    { maxBodyBytes: 16, onError: (error) => errors.push(error) },
  );
  server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A raw request with node:http, so the bytes and repeated headers are exactly what we say. */
function send(path: string, body: Uint8Array | undefined, headers: [string, string][] = []) {
  return new Promise<{
    status: number;
    body: string;
    headers: Record<string, string | string[] | undefined>;
  }>((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { method: body ? "POST" : "GET" }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString("utf8"),
          headers: res.headers,
        }),
      );
    });
    for (const [name, value] of headers) req.appendHeader(name, value);
    req.on("error", reject);
    req.end(body);
  });
}

describe("toNodeHandler", () => {
  it("hands the handler the body byte for byte (even bytes that are not UTF-8) and writes the Response back", async () => {
    seen.length = 0;
    const body = new Uint8Array([0x7b, 0x22, 0xff, 0x00, 0x0d, 0x0a, 0x7d]);
    const reply = await send("/desk/callbacks?x=1", body, [
      ["HASH", "ab".repeat(32)],
      ["Cookie", "k=v"],
    ]);
    expect(seen).toEqual([
      {
        method: "POST",
        url: `${base}/desk/callbacks?x=1`,
        bytes: [0x7b, 0x22, 0xff, 0x00, 0x0d, 0x0a, 0x7d],
        hash: "ab".repeat(32),
        cookie: "k=v",
      },
    ]);
    expect([reply.status, reply.body, reply.headers["x-reply"], reply.headers["set-cookie"]]).toEqual([
      201,
      "réponse",
      "yes",
      ["a=1", "b=2"],
    ]);
  });

  it("gives a GET no body", async () => {
    seen.length = 0;
    await send("/", undefined);
    expect(seen.map(({ method, bytes }) => [method, bytes])).toEqual([["GET", []]]);
  });

  it("answers 413 for a body over maxBodyBytes without calling the handler", async () => {
    seen.length = 0;
    const reply = await send("/", new Uint8Array(17));
    expect([reply.status, reply.body, seen.length]).toEqual([
      413,
      '{"ok":false,"error":"payload_too_large"}',
      0,
    ]);
  });

  it("answers a bare 500 when the handler throws, and reports the error to onError", async () => {
    errors.length = 0;
    const reply = await send("/boom", new Uint8Array([1]));
    expect([reply.status, reply.body]).toEqual([500, '{"ok":false,"error":"internal_error"}']);
    expect(errors.map((error) => (error as Error).message)).toEqual(["handler failed with a secret inside"]);
  });
});
