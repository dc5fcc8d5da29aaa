import { connect } from "node:net";
import { signInvoke } from "@desk/hash";
import { describe, expect, it } from "vitest";
import { LOG_LIMITS } from "../src/index.js";
import { useEmulator } from "../src/testing.js";
import { fixtureManifest, fixtureResources } from "./helpers/fixture.js";
import { installationInvoker } from "./helpers/invoke.js";
import { rawRequest } from "./helpers/raw-request.js";

const LOGS = "https://desk.zoho.com/api/v1/extensionLogs";

/** Sends bytes on a fresh connection and reads until the server closes it. */
function rawExchange(url: string, bytes: string | Buffer): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(bytes));
    const chunks: Buffer[] = [];
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    socket.on("error", reject);
  });
}
const jsonOf = (answer: string) => JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4)) as unknown;

describe("issue 11: request limits", () => {
  const logCount = async () =>
    ((await (await fetch(`${emulator.url}/_emulator/logs?limit=1000`)).json()) as { data: unknown[] }).data
      .length;

  const emulator = useEmulator({
    manifest: fixtureManifest(),
    resources: fixtureResources(),
    rateLimits: { log: 5 },
    install: true,
  });
  const call = installationInvoker(emulator);

  const log = (title: string, description: string) =>
    call({
      requestURL: LOGS,
      requestType: "POST",
      postBody: JSON.stringify({ title, description, installationId: "{{installationId}}" }),
    });

  it("finding 4: a 900 KB description is refused 422 naming description (LOG_LIMITS), stored nowhere, not echoed", async () => {
    const huge = "d".repeat(900_000);
    const answer = await log("t", huge);
    expect(answer.target?.statusCode).toBe(422);
    expect(answer.target?.statusMessage).toEqual({
      errorCode: "UNPROCESSABLE_ENTITY",
      message: `description must be at most ${LOG_LIMITS.descriptionMaxLength} characters (got 900000)`,
      fieldName: "description",
    });
    const title = await log("t".repeat(LOG_LIMITS.titleMaxLength + 1), "d");
    expect(title.target?.statusMessage).toMatchObject({ fieldName: "title" });
    expect(await logCount()).toBe(0);
  });

  it("finding 4: limits count characters, not UTF-16 units: 255 emoji fit in a title", async () => {
    const answer = await log(
      "\u{1F600}".repeat(LOG_LIMITS.titleMaxLength),
      "d".repeat(LOG_LIMITS.descriptionMaxLength),
    );
    expect(answer.target?.statusCode).toBe(200);
    expect(await logCount()).toBe(1);
  });

  it("finding 4: the log rate limit (DEFAULT_RATE_LIMITS.log) answers 429 RATE_LIMIT_EXCEEDED with Retry-After", async () => {
    let limited: Awaited<ReturnType<typeof log>> | undefined;
    for (let i = 0; i < 6 && limited === undefined; i++) {
      const answer = await log(`entry ${i}`, "d");
      if (answer.target?.statusCode === 429) limited = answer;
    }
    expect(limited?.target?.statusMessage).toMatchObject({ errorCode: "RATE_LIMIT_EXCEEDED" });
    expect(Number(limited?.target?.headers["Retry-After"])).toBeGreaterThan(0);
  });

  it("finding 5: a percent-encoded invalid byte (%FF) is refused 422 like a raw one", async () => {
    const fields = { requestURL: "https://desk.zoho.com/api/v1/tickets?x=\uFFFD", requestType: "GET" };
    const hash = await signInvoke(emulator.secret!, fields);
    const query = `orgId=${emulator.installation.orgId}`;
    const send = (body: Uint8Array) =>
      fetch(`${emulator.url}/api/v1/invoke?${query}`, {
        method: "POST",
        headers: { HASH: hash, "Content-Type": "application/x-www-form-urlencoded" },
        body: new Uint8Array(body),
      });
    const context = `securityContext=${encodeURIComponent(emulator.installation.securityContext)}`;
    const encoded = await send(
      Buffer.from(
        `${context}&requestType=GET&requestURL=https%3A%2F%2Fdesk.zoho.com%2Fapi%2Fv1%2Ftickets%3Fx%3D%FF`,
      ),
    );
    expect(encoded.status).toBe(422);
    expect(await encoded.json()).toEqual({
      errorCode: "UNPROCESSABLE_ENTITY",
      message: "form field requestURL is not valid UTF-8 once percent-decoded",
      fieldName: "requestURL",
    });
    const raw = await send(
      Buffer.concat([
        Buffer.from(`${context}&requestType=GET&requestURL=https://desk.zoho.com/api/v1/tickets?x=`),
        Buffer.from([0xff]),
      ]),
    );
    expect(raw.status).toBe(422);
    expect(await raw.json()).toMatchObject({ errorCode: "UNPROCESSABLE_ENTITY", fieldName: "body" });
  });

  it("finding 6: a 20 KB URL gets a typed JSON 431, and the next request is answered at once", async () => {
    const { host } = new URL(emulator.url);
    const answer = await rawExchange(
      emulator.url,
      `GET /api/v1/invoke?x=${"a".repeat(20_000)} HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
    );
    expect(answer.startsWith("HTTP/1.1 431 ")).toBe(true);
    expect(answer).toContain("Content-Type: application/json");
    expect(jsonOf(answer)).toEqual({
      errorCode: "REQUEST_HEADER_FIELDS_TOO_LARGE",
      message: "the request head (request line and headers) is larger than this server accepts (16 KiB)",
    });
    expect((await fetch(`${emulator.url}/_emulator/health`)).status).toBe(200);
  });

  it.each([
    [
      "a 20 KB header",
      (host: string) => `GET / HTTP/1.1\r\nHost: ${host}\r\nX-Big: ${"b".repeat(20_000)}\r\n\r\n`,
      431,
    ],
    ["a malformed request line", () => "GARBAGE\r\n\r\n", 400],
    ["a bad header name", (host: string) => `GET / HTTP/1.1\r\nHost: ${host}\r\nBad Header: x\r\n\r\n`, 400],
    [
      "a bare LF inside a header value",
      (host: string) => `GET / HTTP/1.1\r\nHost: ${host}\r\nX: a\rb\r\n\r\n`,
      400,
    ],
    [
      "a bad Content-Length",
      (host: string) => `POST /api/v1/invoke HTTP/1.1\r\nHost: ${host}\r\nContent-Length: x\r\n\r\n`,
      400,
    ],
    ["not HTTP at all", () => "\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u01fc\u0003\u0003", 400],
  ])("finding 6: %s gets the typed JSON error", async (_, request, status) => {
    const answer = await rawExchange(emulator.url, request(new URL(emulator.url).host));
    expect(answer.startsWith(`HTTP/1.1 ${status} `)).toBe(true);
    expect(jsonOf(answer)).toMatchObject({
      errorCode: status === 431 ? "REQUEST_HEADER_FIELDS_TOO_LARGE" : "BAD_REQUEST",
    });
  });

  it("finding 6: no Host on the admin API is a typed 403 naming Host; a Host node-server cannot parse a typed 400", async () => {
    const missing = await rawExchange(
      emulator.url,
      "GET /_emulator/installations HTTP/1.1\r\nConnection: close\r\n\r\n",
    );
    expect(missing.startsWith("HTTP/1.1 403 ")).toBe(true);
    expect(jsonOf(missing)).toMatchObject({ errorCode: "FORBIDDEN", fieldName: "Host" });
    const invalid = await rawRequest(emulator.url, "GET", "/_emulator/health", { Host: "bad_host:1:2" });
    expect(invalid.status).toBe(400);
    expect(invalid.json()).toMatchObject({ fieldName: "Host" });
  });

  it("an admin body over ADMIN_BODY_LIMIT_BYTES is a typed 413", async () => {
    const answer = await rawRequest(
      emulator.url,
      "POST",
      "/_emulator/installations",
      { Host: new URL(emulator.url).host, "Content-Type": "application/json" },
      JSON.stringify({ orgId: "1", pad: "x".repeat(1_100_000) }),
    );
    expect(answer.status).toBe(413);
    expect(answer.json()).toMatchObject({ errorCode: "PAYLOAD_TOO_LARGE" });
  });
});
