import { connect } from "node:net";
import { join } from "node:path";
import { type InvokeHashFields, signInvoke } from "@desk/hash";
import { beforeAll, describe, expect, it } from "vitest";
import type { EmulatorInstallation } from "../../src/index.js";
import { useEmulator } from "../../src/testing.js";
import { FIXTURE_SECRET, fixtureManifest, fixtureResources } from "../helpers/fixture.js";
import { rawRequest } from "../helpers/raw-request.js";
import { snapshotDatabase } from "../helpers/snapshot-database.js";

// The reliability catalogue of issue 11: every bad input gets its documented typed 4xx (never a 5xx, a hang or a
// crash), every table of the store is byte-identical afterwards, and no answer carries a secret, HASH,
// securityContext or secure value.
const SECURE_VALUE = "hyg13ne-Secure-Value-77";
const D = "https://desk.zoho.com";
const STORAGE = `${D}/api/v1/installedExtensions/{{installationId}}/storage`;

interface Answer {
  status: number;
  errorCode: unknown;
  fieldName: unknown;
  text: string;
}
interface Case {
  name: string;
  send: () => Promise<Answer>;
  status: number;
  errorCode: string;
  fieldName?: string;
}

describe("reliability: bad-input catalogue (issue 11)", () => {
  // A database file, read between cases to prove every table byte-identical.
  const emulator = useEmulator({
    manifest: fixtureManifest(),
    resources: fixtureResources(),
    rateLimits: false,
  });
  let mine: EmulatorInstallation;
  let other: EmulatorInstallation;
  const hashes: string[] = [];
  const answers: string[] = [];

  const snapshot = () => snapshotDatabase(join(emulator.folder, "desk.db"));

  const parse = (status: number, text: string): Answer => {
    answers.push(text);
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // Not JSON: the assertion on errorCode fails with the text in view.
    }
    return { status, errorCode: body["errorCode"], fieldName: body["fieldName"], text };
  };

  /** A raw invoke: the form as given (already encoded), signed over `fields` unless a hash is given. */
  const post = async (
    form: string | Uint8Array,
    options: { fields?: InvokeHashFields; hash?: string | null; orgId?: string; type?: string } = {},
  ): Promise<Answer> => {
    const hash =
      options.hash === undefined ? await signInvoke(FIXTURE_SECRET, options.fields ?? {}) : options.hash;
    // Scanned for afterwards; a short fake ("zz") is no secret and turns up by chance in random ids and ciphertext.
    if (hash && hash.length >= 16) hashes.push(hash);
    const headers: Record<string, string> = {
      "Content-Type": options.type ?? "application/x-www-form-urlencoded",
    };
    if (hash !== null) headers["HASH"] = hash;
    const response = await fetch(`${emulator.url}/api/v1/invoke?orgId=${options.orgId ?? mine.orgId}`, {
      method: "POST",
      headers,
      body: typeof form === "string" ? form : new Uint8Array(form),
    });
    return parse(response.status, await response.text());
  };

  /** A well-formed signed invoke of `fields`; `inner` reads the target's answer inside the 200. */
  const call = async (
    fields: InvokeHashFields,
    inner = false,
    context = mine.securityContext,
  ): Promise<Answer> => {
    const form = new URLSearchParams({ securityContext: context });
    for (const [name, value] of Object.entries(fields)) if (value !== undefined) form.set(name, value);
    const answer = await post(form.toString(), { fields });
    if (!inner || answer.status !== 200) return answer;
    const outer = JSON.parse(answer.text) as { statusCode: number; response: string };
    const statusMessage = (JSON.parse(outer.response) as { statusMessage: Record<string, unknown> })
      .statusMessage;
    return {
      status: outer.statusCode,
      errorCode: statusMessage["errorCode"],
      fieldName: statusMessage["fieldName"],
      text: answer.text,
    };
  };
  const desk = (requestURL: string, requestType: string, postBody?: string, headers?: string) =>
    call({ requestURL, requestType, postBody, headers }, true);
  const storagePost = (body: unknown) =>
    desk(STORAGE, "POST", typeof body === "string" ? body : JSON.stringify(body));
  const log = (body: Record<string, unknown>) =>
    desk(
      `${D}/api/v1/extensionLogs`,
      "POST",
      JSON.stringify({ installationId: "{{installationId}}", ...body }),
    );

  const admin = async (method: string, path: string, body?: string, headers: Record<string, string> = {}) => {
    const answer = await rawRequest(
      emulator.url,
      method,
      `/_emulator${path}`,
      { Host: new URL(emulator.url).host, "Content-Type": "application/json", ...headers },
      body,
    );
    return parse(answer.status, answer.text);
  };
  const raw = (bytes: string) =>
    new Promise<Answer>((resolve, reject) => {
      const { hostname, port } = new URL(emulator.url);
      const socket = connect(Number(port), hostname, () => socket.end(bytes));
      const chunks: Buffer[] = [];
      socket.on("data", (chunk: Buffer) => chunks.push(chunk));
      socket.on("error", reject);
      socket.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        resolve(parse(Number(text.slice(9, 12)), text.slice(text.indexOf("\r\n\r\n") + 4)));
      });
    });

  const base = () => ({ requestURL: `${D}/api/v1/tickets`, requestType: "GET" });
  const signedForm =
    (extra: string, fields: InvokeHashFields = base()) =>
    () =>
      post(`securityContext=${encodeURIComponent(mine.securityContext)}&${extra}`, { fields });
  const invokeCases: Case[] = [
    {
      name: "no HASH",
      send: () =>
        post(new URLSearchParams({ securityContext: mine.securityContext, ...base() }).toString(), {
          hash: null,
        }),
      status: 401,
      errorCode: "INVALID_HASH",
    },
    {
      name: "HASH not hex",
      send: () =>
        post(new URLSearchParams({ securityContext: mine.securityContext, ...base() }).toString(), {
          hash: "zz",
        }),
      status: 401,
      errorCode: "INVALID_HASH",
    },
    {
      name: "HASH of other fields",
      send: () =>
        post(new URLSearchParams({ securityContext: mine.securityContext, ...base() }).toString(), {
          fields: { requestURL: "x", requestType: "GET" },
        }),
      status: 401,
      errorCode: "INVALID_HASH",
    },
    {
      name: "HASH of another secret",
      send: async () =>
        post(new URLSearchParams({ securityContext: mine.securityContext, ...base() }).toString(), {
          hash: await signInvoke("not-the-secret", base()),
        }),
      status: 401,
      errorCode: "INVALID_HASH",
    },
    {
      name: "HASH uppercase of a wrong value",
      send: () => post(new URLSearchParams({ ...base() }).toString(), { hash: "A".repeat(64) }),
      status: 401,
      errorCode: "INVALID_HASH",
    },
    {
      name: "securityContext missing",
      send: () => post(new URLSearchParams(base()).toString(), { fields: base() }),
      status: 401,
      errorCode: "INVALID_SECURITY_CONTEXT",
    },
    {
      name: "securityContext tampered",
      send: () => call(base(), false, `${mine.securityContext.slice(0, -2)}AA`),
      status: 401,
      errorCode: "INVALID_SECURITY_CONTEXT",
    },
    {
      name: "securityContext foreign",
      send: () => call(base(), false, "dsc1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
      status: 401,
      errorCode: "INVALID_SECURITY_CONTEXT",
    },
    {
      name: "securityContext not ours at all",
      send: () => call(base(), false, "eyJhbGciOiJub25lIn0.e30."),
      status: 401,
      errorCode: "INVALID_SECURITY_CONTEXT",
    },
    {
      name: "securityContext of another org than orgId",
      send: () => call(base(), false, other.securityContext),
      status: 401,
      errorCode: "INVALID_SECURITY_CONTEXT",
    },
    {
      name: "orgId missing",
      send: () =>
        post(new URLSearchParams({ securityContext: mine.securityContext, ...base() }).toString(), {
          fields: base(),
          orgId: "",
        }),
      status: 401,
      errorCode: "INVALID_SECURITY_CONTEXT",
    },
    {
      name: "requestURL missing",
      send: () => call({ requestType: "GET" }),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "requestURL",
    },
    {
      name: "requestType missing",
      send: () => call({ requestURL: `${D}/api/v1/tickets` }),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "requestType",
    },
    {
      name: "requestType TRACE",
      send: () => call({ requestURL: `${D}/api/v1/tickets`, requestType: "TRACE" }),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "requestType",
    },
    {
      name: "requestType lowercase",
      send: () => call({ requestURL: `${D}/api/v1/tickets`, requestType: "get" }),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "requestType",
    },
    {
      name: "a field twice",
      send: signedForm(`requestType=GET&requestType=POST&requestURL=${encodeURIComponent(`${D}/x`)}`),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "requestType",
    },
    {
      name: "Content-Type text/plain",
      send: () => post("requestType=GET", { type: "text/plain" }),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "Content-Type",
    },
    {
      name: "Content-Type JSON",
      send: () => post('{"requestType":"GET"}', { type: "application/json" }),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "Content-Type",
    },
    {
      name: "raw invalid UTF-8",
      send: () =>
        post(Buffer.concat([Buffer.from("requestType=GET&requestURL="), Buffer.from([0xc3, 0x28])])),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "body",
    },
    {
      name: "percent-encoded invalid UTF-8",
      send: signedForm("requestType=GET&requestURL=%FF"),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "requestURL",
    },
    {
      name: "overlong UTF-8 encoded slash",
      send: signedForm("requestType=GET&requestURL=%C0%AF"),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "requestURL",
    },
    {
      name: "encoded lone surrogate",
      send: signedForm("requestType=GET&requestURL=%ED%A0%80"),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "requestURL",
    },
    {
      name: "headers not JSON",
      send: () => call({ ...base(), headers: "{nope" }),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "headers",
    },
    {
      name: "headers an array",
      send: () => call({ ...base(), headers: "[1]" }),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "headers",
    },
    {
      name: "headers value an object",
      send: () => call({ ...base(), headers: '{"X":{"a":1}}' }),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "headers",
    },
    {
      name: "header name with a space",
      send: () => call({ ...base(), headers: '{"Bad Name":"x"}' }),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "headers",
    },
    {
      name: "header value with CRLF",
      send: () => call({ ...base(), headers: '{"X":"a\\r\\nInjected: 1"}' }),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "headers",
    },
    {
      name: "header value with NUL",
      send: () => call({ ...base(), headers: '{"X":"a\\u0000b"}' }),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "headers",
    },
    {
      name: "reserved header Host",
      send: () => call({ ...base(), headers: '{"Host":"evil.example"}' }),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "headers",
    },
    {
      name: "reserved header Transfer-Encoding",
      send: () => call({ ...base(), headers: '{"Transfer-Encoding":"chunked"}' }),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "headers",
    },
    {
      name: "queryParams not JSON",
      send: () => call({ ...base(), queryParams: "a=1" }),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "queryParams",
    },
    {
      name: "queryParams a string",
      send: () => call({ ...base(), queryParams: '"a"' }),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "queryParams",
    },
    {
      name: "queryParams nested object",
      send: () => call({ ...base(), queryParams: '{"a":{"b":1}}' }),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "queryParams",
    },
    {
      name: "unknown placeholder",
      send: () => call({ requestURL: `${D}/api/v1/{{nope}}`, requestType: "GET" }),
      status: 422,
      errorCode: "INVALID_PLACEHOLDER",
    },
    {
      name: "requestURL not absolute",
      send: () => call({ requestURL: "/api/v1/tickets", requestType: "GET" }),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "requestURL",
    },
    {
      name: "requestURL ftp",
      send: () => call({ requestURL: "ftp://desk.zoho.com/x", requestType: "GET" }),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "requestURL",
    },
    {
      name: "requestURL file",
      send: () => call({ requestURL: "file:///etc/passwd", requestType: "GET" }),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "requestURL",
    },
    {
      name: "requestURL with credentials",
      send: () => call({ requestURL: "https://u:p@desk.zoho.com/x", requestType: "GET" }),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "requestURL",
    },
    {
      name: "origin not whitelisted",
      send: () => call({ requestURL: "https://evil.example/x", requestType: "GET" }),
      status: 403,
      errorCode: "DOMAIN_NOT_WHITELISTED",
    },
    {
      name: "loopback not whitelisted (SSRF)",
      send: () => call({ requestURL: "http://127.0.0.1:1/admin", requestType: "GET" }),
      status: 403,
      errorCode: "DOMAIN_NOT_WHITELISTED",
    },
    {
      name: "metadata address not whitelisted (SSRF)",
      send: () => call({ requestURL: "http://169.254.169.254/latest", requestType: "GET" }),
      status: 403,
      errorCode: "DOMAIN_NOT_WHITELISTED",
    },
    {
      name: "whitelisted host on another port",
      send: () => call({ requestURL: "https://desk.zoho.com:8443/x", requestType: "GET" }),
      status: 403,
      errorCode: "DOMAIN_NOT_WHITELISTED",
    },
    {
      name: "unknown connection",
      send: () => call({ ...base(), connectionLinkName: "nope" }),
      status: 422,
      errorCode: "INVALID_CONNECTION",
    },
    {
      name: "GET with a postBody",
      send: () => call({ ...base(), postBody: '{"a":1}' }),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "postBody",
    },
    {
      name: "body over the limit",
      send: () => post("a".repeat(1_048_577)),
      status: 413,
      errorCode: "PAYLOAD_TOO_LARGE",
    },
    {
      name: "GET on the invoke endpoint",
      send: async () => {
        const r = await fetch(`${emulator.url}/api/v1/invoke`);
        return parse(r.status, await r.text());
      },
      status: 405,
      errorCode: "METHOD_NOT_ALLOWED",
    },
    {
      name: "unknown path",
      send: async () => {
        const r = await fetch(`${emulator.url}/api/v2/nope`);
        return parse(r.status, await r.text());
      },
      status: 404,
      errorCode: "URL_NOT_FOUND",
    },
  ];

  const deskCases: Case[] = [
    {
      name: "storage add: not JSON",
      send: () => storagePost("{"),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "body",
    },
    {
      name: "storage add: empty array",
      send: () => storagePost([]),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "body",
    },
    {
      name: "storage add: 11 objects",
      send: () =>
        storagePost(Array.from({ length: 11 }, (_, i) => ({ key: `k${i}`, queriableValue: "q", value: {} }))),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "body",
    },
    {
      name: "storage add: 51-character key",
      send: () => storagePost({ key: "k".repeat(51), queriableValue: "q", value: {} }),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "key",
    },
    {
      name: "storage add: empty key",
      send: () => storagePost({ key: "", queriableValue: "q", value: {} }),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "key",
    },
    {
      name: "storage add: key with a slash",
      send: () => storagePost({ key: "a/b", queriableValue: "q", value: {} }),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "key",
    },
    {
      name: "storage add: key a number",
      send: () => storagePost({ key: 5, queriableValue: "q", value: {} }),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "key",
    },
    {
      name: "storage add: no queriableValue",
      send: () => storagePost({ key: "k", value: {} }),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "queriableValue",
    },
    {
      name: "storage add: value a string",
      send: () => storagePost({ key: "k", queriableValue: "q", value: "s" }),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "value",
    },
    {
      name: "storage add: value null",
      send: () => storagePost({ key: "k", queriableValue: "q", value: null }),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "value",
    },
    {
      name: "storage add: value over 5222 bytes",
      send: () => storagePost({ key: "k", queriableValue: "q", value: { s: "x".repeat(5300) } }),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "value",
    },
    {
      name: "storage add: one bad item in a batch stores none",
      send: () =>
        storagePost([
          { key: "good", queriableValue: "q", value: {} },
          { key: "bad!", queriableValue: "q", value: {} },
        ]),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "key",
    },
    {
      name: "storage get: no key or queriableValue",
      send: () => desk(STORAGE, "GET"),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "key",
    },
    {
      name: "storage get: limit 0",
      send: () => desk(`${STORAGE}?key=k&limit=0`, "GET"),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "limit",
    },
    {
      name: "storage get: limit 101",
      send: () => desk(`${STORAGE}?key=k&limit=101`, "GET"),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "limit",
    },
    {
      name: "storage get: from -1",
      send: () => desk(`${STORAGE}?key=k&from=-1`, "GET"),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "from",
    },
    {
      name: "storage get: from abc",
      send: () => desk(`${STORAGE}?key=k&from=abc`, "GET"),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "from",
    },
    {
      name: "storage get: bad queriableValue",
      send: () => desk(`${STORAGE}?queriableValue=${"q".repeat(60)}`, "GET"),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "queriableValue",
    },
    {
      name: "storage delete: no key",
      send: () => desk(STORAGE, "DELETE"),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "key",
    },
    {
      name: "storage of another installation",
      send: () => desk(`${D}/api/v1/installedExtensions/${other.installationId}/storage?key=secret`, "GET"),
      status: 403,
      errorCode: "FORBIDDEN",
    },
    {
      name: "storage delete of another installation",
      send: () =>
        desk(`${D}/api/v1/installedExtensions/${other.installationId}/storage?key=secret`, "DELETE"),
      status: 403,
      errorCode: "FORBIDDEN",
    },
    {
      name: "orgId header of another org",
      send: () => desk(`${STORAGE}?key=k`, "GET", undefined, JSON.stringify({ orgId: other.orgId })),
      status: 403,
      errorCode: "FORBIDDEN",
    },
    {
      name: "configParams: not JSON",
      send: () => desk(`${D}/api/v1/installedExtensions/{{installationId}}/configParams`, "POST", "{"),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "variables",
    },
    {
      name: "configParams: bad name",
      send: () =>
        desk(
          `${D}/api/v1/installedExtensions/{{installationId}}/configParams`,
          "POST",
          '{"variables":[{"name":"1x","value":"v"}]}',
        ),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "variables[0].name",
    },
    {
      name: "configParams: value a number",
      send: () =>
        desk(
          `${D}/api/v1/installedExtensions/{{installationId}}/configParams`,
          "POST",
          '{"variables":[{"name":"x","value":1}]}',
        ),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "variables[0].value",
    },
    {
      name: "configParams of another installation",
      send: () => desk(`${D}/api/v1/installedExtensions/${other.installationId}/configParams`, "GET"),
      status: 403,
      errorCode: "FORBIDDEN",
    },
    {
      name: "logs: not JSON",
      send: () => desk(`${D}/api/v1/extensionLogs`, "POST", "nope"),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "body",
    },
    {
      name: "logs: no installationId",
      send: () => desk(`${D}/api/v1/extensionLogs`, "POST", '{"title":"t","description":"d"}'),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "installationId",
    },
    {
      name: "logs: another installationId",
      send: () => log({ installationId: other.installationId, title: "t", description: "d" }),
      status: 403,
      errorCode: "FORBIDDEN",
    },
    {
      name: "logs: empty title",
      send: () => log({ title: "", description: "d" }),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "title",
    },
    {
      name: "logs: 256-character title",
      send: () => log({ title: "t".repeat(256), description: "d" }),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "title",
    },
    {
      name: "logs: 900 KB description",
      send: () => log({ title: "t", description: "d".repeat(900_000) }),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "description",
    },
    {
      name: "logs: description a number",
      send: () => log({ title: "t", description: 5 }),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "description",
    },
    {
      name: "logs: empty reference",
      send: () => log({ title: "t", description: "d", reference: "" }),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "reference",
    },
    {
      name: "tickets: no subject",
      send: () => desk(`${D}/api/v1/tickets`, "POST", "{}"),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "subject",
    },
    {
      name: "tickets: unknown field",
      send: () => desk(`${D}/api/v1/tickets`, "POST", '{"subject":"s","owner":"x"}'),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "owner",
    },
    {
      name: "tickets: unknown custom field",
      send: () => desk(`${D}/api/v1/tickets`, "POST", '{"subject":"s","cf":{"cf_nope":1}}'),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "cf.cf_nope",
    },
    {
      name: "tickets: limit 1000",
      send: () => desk(`${D}/api/v1/tickets?limit=1000`, "GET"),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "limit",
    },
    {
      name: "tickets: unknown ticket",
      send: () => desk(`${D}/api/v1/tickets/1`, "GET"),
      status: 404,
      errorCode: "RESOURCE_NOT_FOUND",
    },
    {
      name: "tickets: patch an unknown ticket",
      send: () => desk(`${D}/api/v1/tickets/1`, "PATCH", '{"subject":"s"}'),
      status: 404,
      errorCode: "RESOURCE_NOT_FOUND",
    },
    {
      name: "organizationFields: no module",
      send: () => desk(`${D}/api/v1/organizationFields`, "GET"),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "module",
    },
    {
      name: "tickets: moveToTrash an unknown ticket",
      send: () => desk(`${D}/api/v1/tickets/moveToTrash`, "POST", '{"ticketIds":["1"]}'),
      status: 404,
      errorCode: "RESOURCE_NOT_FOUND",
      fieldName: "ticketIds[0]",
    },
    {
      name: "tickets: moveToTrash without ids",
      send: () => desk(`${D}/api/v1/tickets/moveToTrash`, "POST", '{"ticketIds":[]}'),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "ticketIds",
    },
    {
      name: "comments: on an unknown ticket",
      send: () => desk(`${D}/api/v1/tickets/1/comments`, "POST", '{"content":"c"}'),
      status: 404,
      errorCode: "RESOURCE_NOT_FOUND",
    },
    {
      name: "threads: sendReply to an unknown ticket",
      send: () => desk(`${D}/api/v1/tickets/1/sendReply`, "POST", '{"channel":"EMAIL","content":"c"}'),
      status: 404,
      errorCode: "RESOURCE_NOT_FOUND",
    },
    {
      name: "contacts: no lastName",
      send: () => desk(`${D}/api/v1/contacts`, "POST", '{"firstName":"Ana"}'),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "lastName",
    },
    {
      name: "contacts: email not an address",
      send: () => desk(`${D}/api/v1/contacts`, "POST", '{"lastName":"Silva","email":"not-an-address"}'),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "email",
    },
    {
      name: "contacts: body not JSON",
      send: () => desk(`${D}/api/v1/contacts`, "POST", "lastName=Silva"),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "body",
    },
    {
      name: "contacts: limit 0",
      send: () => desk(`${D}/api/v1/contacts?limit=0`, "GET"),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "limit",
    },
    {
      name: "departments: unknown department",
      send: () => desk(`${D}/api/v1/departments/1`, "GET"),
      status: 404,
      errorCode: "RESOURCE_NOT_FOUND",
    },
    {
      name: "channel import: another installation's channel",
      send: () => desk(`${D}/api/v1/channels/1/import`, "POST", '{"data":{"tickets":[]}}'),
      status: 403,
      errorCode: "FORBIDDEN",
    },
    {
      name: "channel import: a thread without extParentId",
      send: () =>
        desk(
          `${D}/api/v1/channels/{{installationId}}/import`,
          "POST",
          '{"data":{"threads":[{"extId":"m1","content":"hi"}]}}',
        ),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "data.threads[0].extParentId",
    },
    {
      name: "channel import: no data",
      send: () => desk(`${D}/api/v1/channels/{{installationId}}/import`, "POST", '{"channelState":"s"}'),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "data",
    },
    {
      name: "channel import: a second thread's bad time after a good one (nothing stored)",
      send: () =>
        desk(
          `${D}/api/v1/channels/{{installationId}}/import`,
          "POST",
          JSON.stringify({
            data: {
              threads: [
                { extId: "m1", extParentId: "t1", content: "first" },
                { extId: "m2", extParentId: "t1", content: "second", createdTime: "yesterday" },
              ],
            },
          }),
        ),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "data.threads[1].createdTime",
    },
    {
      name: "an unknown Desk API",
      send: () => desk(`${D}/api/v1/nope`, "GET"),
      status: 404,
      errorCode: "URL_NOT_FOUND",
    },
  ];

  const adminCases: Case[] = [
    {
      name: "admin: text/plain write",
      send: () => admin("POST", "/installations", "{}", { "Content-Type": "text/plain" }),
      status: 415,
      errorCode: "UNSUPPORTED_MEDIA_TYPE",
      fieldName: "Content-Type",
    },
    {
      name: "admin: foreign Origin",
      send: () => admin("POST", "/installations", "{}", { Origin: "http://evil.example" }),
      status: 403,
      errorCode: "FORBIDDEN",
      fieldName: "Origin",
    },
    {
      name: "admin: Origin null",
      send: () => admin("GET", "/installations", undefined, { Origin: "null" }),
      status: 403,
      errorCode: "FORBIDDEN",
      fieldName: "Origin",
    },
    {
      name: "admin: foreign Host",
      send: () => admin("GET", "/installations", undefined, { Host: "evil.example" }),
      status: 403,
      errorCode: "FORBIDDEN",
      fieldName: "Host",
    },
    {
      name: "admin: bad JSON",
      send: () => admin("POST", "/installations", "{"),
      status: 400,
      errorCode: "INVALID_JSON",
    },
    {
      name: "admin: JSON array",
      send: () => admin("POST", "/installations", "[]"),
      status: 400,
      errorCode: "INVALID_JSON",
    },
    {
      name: "admin: orgId a number",
      send: () => admin("POST", "/installations", '{"orgId":5}'),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "orgId",
    },
    {
      name: "admin: orgId with a slash",
      send: () => admin("POST", "/installations", '{"orgId":"a/b"}'),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "orgId",
    },
    {
      name: "admin: unknown config param",
      send: () => admin("POST", "/installations", '{"config":{"nope":"1"}}'),
      status: 422,
      errorCode: "UNKNOWN_CONFIG_PARAM",
      fieldName: "config.nope",
    },
    {
      name: "admin: config value a number",
      send: () => admin("POST", "/installations", '{"config":{"trackerToken":1}}'),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "config.trackerToken",
    },
    {
      name: "admin: config a string",
      send: () => admin("POST", "/installations", '{"config":"x"}'),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "config",
    },
    {
      name: "admin: unknown permission",
      send: () => admin("POST", "/installations", '{"permissions":{"nope":true}}'),
      status: 422,
      errorCode: "UNKNOWN_PERMISSION",
      fieldName: "permissions.nope",
    },
    {
      name: "admin: org already installed",
      send: () => admin("POST", "/installations", JSON.stringify({ orgId: mine.orgId })),
      status: 409,
      errorCode: "ALREADY_INSTALLED",
    },
    {
      name: "admin: uninstall an unknown installation",
      send: () => admin("DELETE", "/installations/1"),
      status: 404,
      errorCode: "INSTALLATION_NOT_FOUND",
    },
    {
      name: "admin: config of an unknown installation",
      send: () => admin("PUT", "/installations/1/config", '{"values":{}}'),
      status: 404,
      errorCode: "INSTALLATION_NOT_FOUND",
    },
    {
      name: "admin: config values unknown",
      send: () => admin("PUT", `/installations/${mine.installationId}/config`, '{"values":{"nope":"x"}}'),
      status: 422,
      errorCode: "UNKNOWN_CONFIG_PARAM",
    },
    {
      name: "admin: permissions not booleans",
      send: () =>
        admin("PUT", `/installations/${mine.installationId}/permissions`, '{"states":{"canEscalate":"yes"}}'),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
    },
    {
      name: "admin: trigger without event",
      send: () => admin("POST", `/installations/${mine.installationId}/trigger`, "{}"),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "event",
    },
    {
      name: "admin: trigger payload a number",
      send: () =>
        admin("POST", `/installations/${mine.installationId}/trigger`, '{"event":"onUpdate","payload":5}'),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "payload",
    },
    {
      name: "admin: logs limit 0",
      send: () => admin("GET", "/logs?limit=0"),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "limit",
    },
    {
      name: "admin: logs limit text",
      send: () => admin("GET", "/logs?limit=ten"),
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      fieldName: "limit",
    },
    {
      name: "admin: body over 1 MiB",
      send: () => admin("POST", "/installations", JSON.stringify({ pad: "x".repeat(1_100_000) })),
      status: 413,
      errorCode: "PAYLOAD_TOO_LARGE",
    },
    {
      name: "HTTP: 20 KB URL",
      send: () => raw(`GET /api/v1/invoke?x=${"a".repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`),
      status: 431,
      errorCode: "REQUEST_HEADER_FIELDS_TOO_LARGE",
    },
    {
      name: "HTTP: not HTTP",
      send: () => raw("\u0016\u0003\u0001garbage\r\n\r\n"),
      status: 400,
      errorCode: "BAD_REQUEST",
    },
    {
      name: "HTTP: bad Content-Length",
      send: () => raw("POST /api/v1/invoke HTTP/1.1\r\nHost: localhost\r\nContent-Length: -1\r\n\r\n"),
      status: 400,
      errorCode: "BAD_REQUEST",
    },
  ];

  const cases = [...invokeCases, ...deskCases, ...adminCases];

  beforeAll(async () => {
    mine = await emulator.install({ orgId: "5001", config: { trackerToken: SECURE_VALUE } });
    other = await emulator.install({ orgId: "5002", config: { trackerToken: SECURE_VALUE } });
    const seeded = await call({
      requestURL: `${D}/api/v1/installedExtensions/{{installationId}}/storage`,
      requestType: "POST",
      postBody: JSON.stringify({ key: "kept", queriableValue: "q", value: { n: 1 } }),
    });
    expect(seeded.status).toBe(200);
  });

  it("holds at least 80 cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(80);
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s: typed refusal, store byte-identical", async (_, c) => {
    const before = snapshot();
    const answer = await c.send();
    expect({ status: answer.status, errorCode: answer.errorCode }, answer.text.slice(0, 300)).toEqual({
      status: c.status,
      errorCode: c.errorCode,
    });
    if (c.fieldName !== undefined) expect(answer.fieldName).toBe(c.fieldName);
    expect(snapshot()).toBe(before);
  });

  it("afterwards the API reads back the same data, and the emulator answers at once", async () => {
    const kept = await call({ requestURL: `${STORAGE}?key=kept`, requestType: "GET" }, false);
    const inner = JSON.parse(JSON.parse(kept.text).response).statusMessage;
    expect(inner).toEqual({ data: [{ key: "kept", queriableValue: "q", value: { n: 1 } }] });
    const listed = await admin("GET", "/installations");
    expect((JSON.parse(listed.text) as { data: unknown[] }).data).toHaveLength(2);
  });

  it("secret hygiene: no answer and no table holds the secret, a HASH, a securityContext or a secure value", () => {
    const secrets = [FIXTURE_SECRET, mine.securityContext, other.securityContext, SECURE_VALUE, ...hashes];
    const haystacks = [...answers, snapshot()];
    for (const secret of secrets) {
      for (const text of haystacks)
        expect(
          text.includes(secret),
          `leaked ${secret.slice(0, 8)}... in ${text.slice(Math.max(0, text.indexOf(secret) - 200), text.indexOf(secret) + 50)}`,
        ).toBe(false);
    }
    expect(hashes.length).toBeGreaterThan(50);
  });
});
