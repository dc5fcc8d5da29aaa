// invoke() against a bare ky.post of the same pre-signed form, on a loopback server answering a fixed invoke
// response; raw fetch as a reference. Imports the BUILT package (build first).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { signInvoke } from "@desk/hash";
import {
  buildInvokeForm,
  createInvokeClient,
  type InvokeClient,
  type InvokeRequest,
} from "@desk/invoke-core";
import ky from "ky";
import type { BenchSuite } from "../../../scripts/bench-types.ts";

const SECRET = "my_secret_key_238392";
const SECURITY_CONTEXT = "bench-security-context";
const ANSWER = JSON.stringify({
  statusCode: 200,
  response: JSON.stringify({
    statusMessage: { data: [{ key: "ticket:42", queriableValue: "escalated", value: { issue: "TRK-42" } }] },
    status: "true",
  }),
  responseHeaders: { "Content-Type": "application/json" },
});
const REQUEST: InvokeRequest = {
  url: "https://desk.zoho.com/api/v1/installedExtensions/{{installationId}}/storage",
  method: "GET",
  query: { queriableValue: "escalated", from: 0, limit: 20 },
  headers: { orgId: "12345" },
};
const IN_FLIGHT = 32;

let server: Server;
let client: InvokeClient;
let endpoint = "";
let body = "";
let headers: Record<string, string> = {};

const viaKy = () => ky.post(endpoint, { body, headers }).json();
const viaFetch = () => fetch(endpoint, { method: "POST", body, headers }).then((response) => response.json());
const many = (fn: () => Promise<unknown>) => () => Promise.all(Array.from({ length: IN_FLIGHT }, fn));

const suite: BenchSuite = {
  package: "@desk/invoke-core",
  title: "invoke() vs a bare ky.post of the same pre-signed form (loopback server, fixed invoke answer)",
  async setup() {
    server = createServer((_request, response) => {
      _request.resume();
      _request.on("end", () => {
        response.writeHead(200, { "content-type": "application/json" });
        response.end(ANSWER);
      });
    });
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    endpoint = `${base}/api/v1/invoke?orgId=12345`;
    client = createInvokeClient({
      secret: SECRET,
      orgId: "12345",
      securityContext: SECURITY_CONTEXT,
      baseUrl: base,
    });
    // The baseline sends the very form invoke() sends, signed once up front.
    const form = buildInvokeForm(REQUEST);
    body = new URLSearchParams({ ...form, securityContext: SECURITY_CONTEXT }).toString();
    headers = { HASH: await signInvoke(SECRET, form), "Content-Type": "application/x-www-form-urlencoded" };
    // Warm every path (JIT, keep-alive sockets) so the first measured round is not the cold one.
    for (let i = 0; i < 300; i++) await Promise.all([client.invoke(REQUEST), viaKy(), viaFetch()]);
    for (let i = 0; i < 30; i++)
      await Promise.all([many(() => client.invoke(REQUEST))(), many(viaKy)(), many(viaFetch)()]);
  },
  teardown() {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  },
  cases: [
    {
      name: "invoke() sequential",
      subject: () => client.invoke(REQUEST),
      baseline: { name: "ky.post pre-signed", fn: viaKy },
      references: [{ name: "raw fetch", fn: viaFetch }],
      target: 0.9,
      timeMs: 1000,
    },
    {
      name: `invoke() ${IN_FLIGHT} in flight`,
      subject: many(() => client.invoke(REQUEST)),
      baseline: { name: "ky.post pre-signed", fn: many(viaKy) },
      references: [{ name: "raw fetch", fn: many(viaFetch) }],
      target: 0.9,
      timeMs: 1000,
      opsPerCall: IN_FLIGHT,
    },
  ],
};

export default suite;
