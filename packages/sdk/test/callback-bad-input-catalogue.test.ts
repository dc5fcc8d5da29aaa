// The bad-input catalogue of the SDK's callback handler (issue 11): table-driven requests an attacker (or a broken
// proxy) can send to an extension's callbackListener URL, through a real node:http server, `toNodeHandler` and
// `createCallbackHandler` on a SQLite installation store in a file. Each gets its documented 4xx (the README's
// answer table), never a 5xx, a hang or a crash; no hook runs; the store's file is unchanged, read through a second
// connection; and no answer carries the secret, a HASH sent or a securityContext.
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { signCallback } from "@desk/hash";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCallbackHandler, createDesk, type InstallationStore } from "../src/index.js";
import { toNodeHandler } from "../src/node.js";
import { createSqliteInstallationStore } from "../src/stores/sqlite.js";

const SECRET = "sdk_catalogue_secret_5e0f7a21";
const OTHER_SECRET = "sdk_catalogue_other_secret_91b2";
const STORED_ORG = "600100";
const STORED_CONTEXT = "sc-stored-installation-7f3c9d2e41";
const ATTACK_CONTEXT = "sc-attacker-context-0a9b8c7d6e";
const STORE_KEY = Buffer.alloc(32, 7).toString("base64");
// Small, so that the oversized body arrives in one read (the server answers 413 before reading the rest).
const MAX_BODY_BYTES = 4 * 1024;

interface Case {
  name: string;
  method?: string;
  /** The raw body; a string is sent as UTF-8. */
  body?: string | Buffer;
  /** The HASH header: "sign" (the default) signs the body with the manifest's secret; null sends none. */
  hash?: "sign" | null | string | ((body: Buffer) => Promise<string>);
  headers?: Record<string, string>;
  status: number;
  error: string;
  field?: string;
  rule?: string;
}

const callbackBody = (fields: Record<string, unknown>) => JSON.stringify(fields);
const install = (fields: Record<string, unknown> = {}) =>
  callbackBody({ event: "onInstall", orgId: STORED_ORG, securityContext: ATTACK_CONTEXT, ...fields });
const signWith = (secret: string) => (body: Buffer) => signCallback(secret, new Uint8Array(body));
const payload = (field: string, rule: string) => ({ status: 400, error: "invalid_payload", field, rule });
const badHash = { status: 401, error: "invalid_hash" };
const notPost = { status: 405, error: "method_not_allowed" };

const CASES: Case[] = [
  // Not a POST: nothing is read or verified.
  { name: "GET", method: "GET", hash: null, ...notPost },
  { name: "PUT with a signed install body", method: "PUT", body: install(), ...notPost },
  {
    name: "DELETE with a signed uninstall body",
    method: "DELETE",
    body: install({ event: "onUninstall" }),
    ...notPost,
  },
  { name: "PATCH", method: "PATCH", body: install(), ...notPost },
  { name: "OPTIONS (a CORS preflight)", method: "OPTIONS", body: "", hash: null, ...notPost },
  // The HASH: missing, malformed or wrong; the body is a valid uninstall of the stored installation.
  { name: "no HASH header", body: install({ event: "onUninstall" }), hash: null, ...badHash },
  { name: "an empty HASH", body: install({ event: "onUninstall" }), hash: "", ...badHash },
  { name: "a HASH of 64 zeros", body: install({ event: "onUninstall" }), hash: "0".repeat(64), ...badHash },
  { name: "a HASH signed with another secret", body: install(), hash: signWith(OTHER_SECRET), ...badHash },
  {
    name: "a HASH of another body (a replayed header)",
    body: install({ event: "onUninstall" }),
    hash: () => signCallback(SECRET, install({ event: "onConfigParamAdd" })),
    ...badHash,
  },
  {
    name: "a HASH one hex digit short",
    body: install(),
    hash: async (body) => (await signWith(SECRET)(body)).slice(0, -1),
    ...badHash,
  },
  {
    name: "a HASH with one hex digit more",
    body: install(),
    hash: async (body) => `${await signWith(SECRET)(body)}0`,
    ...badHash,
  },
  {
    name: "a HASH with a digit changed",
    body: install(),
    hash: async (body) => {
      const hash = await signWith(SECRET)(body);
      return `${hash[0] === "a" ? "b" : "a"}${hash.slice(1)}`;
    },
    ...badHash,
  },
  {
    name: "a HASH in base64 (not hex)",
    body: install(),
    hash: async (body) => Buffer.from(await signWith(SECRET)(body), "hex").toString("base64"),
    ...badHash,
  },
  { name: "a HASH of non-hex characters", body: install(), hash: "zz".repeat(32), ...badHash },
  { name: "an 8 KB HASH", body: install(), hash: "a".repeat(8 * 1024), ...badHash },
  {
    name: "a HASH of the body re-serialised with spaces",
    body: '{ "event": "onInstall", "orgId": "600100", "securityContext": "sc-attacker-context-0a9b8c7d6e" }',
    hash: () => signCallback(SECRET, install()),
    ...badHash,
  },
  {
    name: "a HASH over the body without its last byte",
    body: `${install()} `,
    hash: () => signCallback(SECRET, install()),
    ...badHash,
  },
  {
    name: "a HASH of the empty body sent with a body",
    body: install(),
    hash: () => signCallback(SECRET, ""),
    ...badHash,
  },
  // A correctly signed body that is no callback: 400 naming the field and the rule.
  { name: "an empty body", body: "", ...payload("body", "json") },
  {
    name: "invalid UTF-8 (a raw 0xFF byte)",
    body: Buffer.from([0x7b, 0xff, 0x7d]),
    ...payload("body", "utf8"),
  },
  { name: "a lone surrogate's bytes", body: Buffer.from([0xed, 0xa0, 0x80]), ...payload("body", "utf8") },
  { name: "not JSON", body: "event=onInstall&orgId=1", ...payload("body", "json") },
  { name: "truncated JSON", body: install().slice(0, -1), ...payload("body", "json") },
  { name: "a JSON array", body: JSON.stringify([install()]), ...payload("body", "object") },
  { name: "JSON null", body: "null", ...payload("body", "object") },
  { name: "a JSON string", body: JSON.stringify(install()), ...payload("body", "object") },
  { name: "a JSON number", body: "600100", ...payload("body", "object") },
  {
    name: "no event",
    body: callbackBody({ orgId: STORED_ORG, securityContext: ATTACK_CONTEXT }),
    ...payload("event", "required"),
  },
  { name: "an empty event", body: install({ event: "" }), ...payload("event", "required") },
  { name: "a numeric event", body: install({ event: 1 }), ...payload("event", "required") },
  {
    name: "an event that is an object",
    body: install({ event: { type: "onInstall" } }),
    ...payload("event", "required"),
  },
  {
    name: "no securityContext",
    body: callbackBody({ event: "onInstall", orgId: STORED_ORG }),
    ...payload("securityContext", "required"),
  },
  {
    name: "an empty securityContext",
    body: install({ securityContext: "" }),
    ...payload("securityContext", "required"),
  },
  {
    name: "a numeric securityContext",
    body: install({ securityContext: 42 }),
    ...payload("securityContext", "required"),
  },
  {
    name: "a securityContext list",
    body: install({ securityContext: [ATTACK_CONTEXT] }),
    ...payload("securityContext", "required"),
  },
  {
    name: "no orgId",
    body: callbackBody({ event: "onInstall", securityContext: ATTACK_CONTEXT }),
    ...payload("orgId", "digits"),
  },
  { name: "a negative orgId", body: install({ orgId: -600100 }), ...payload("orgId", "digits") },
  { name: "a fractional orgId", body: install({ orgId: 600100.5 }), ...payload("orgId", "digits") },
  { name: "an orgId with letters", body: install({ orgId: "600100a" }), ...payload("orgId", "digits") },
  { name: "an orgId with a path", body: install({ orgId: "../600100" }), ...payload("orgId", "digits") },
  { name: "an orgId of 21 digits", body: install({ orgId: "1".repeat(21) }), ...payload("orgId", "digits") },
  { name: "an empty orgId", body: install({ orgId: "" }), ...payload("orgId", "digits") },
  { name: "an orgId with spaces", body: install({ orgId: " 600100 " }), ...payload("orgId", "digits") },
  {
    name: "an orgId that is an object",
    body: install({ orgId: { id: STORED_ORG } }),
    ...payload("orgId", "digits"),
  },
  { name: "an orgId that is true", body: install({ orgId: true }), ...payload("orgId", "digits") },
  // Too large: refused before the handler reads it.
  {
    name: "a body over maxBodyBytes",
    body: install({ padding: "x".repeat(MAX_BODY_BYTES) }),
    status: 413,
    error: "payload_too_large",
  },
];

/** Every row of every table of the store's file, through a connection of its own. */
function dump(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[];
    return JSON.stringify(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}"`).all()]));
  } finally {
    db.close();
  }
}

interface Answer {
  status: number;
  text: string;
}

/** A raw node:http request (fetch would refuse some of these methods and headers). */
function send(
  port: number,
  method: string,
  body: Buffer | undefined,
  headers: Record<string, string>,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: "127.0.0.1", port, path: "/desk/callbacks", method, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

describe("the SDK callback handler's bad-input catalogue", () => {
  let folder: string;
  let path: string;
  let store: InstallationStore;
  let server: Server;
  let port: number;
  const heard: string[] = [];
  const errors: unknown[] = [];
  const answers: string[] = [];
  const hashesSent: string[] = [];

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), "desk-sdk-callback-catalogue-"));
    path = join(folder, "installations.db");
    store = createSqliteInstallationStore({
      database: path,
      encryption: { keys: [{ id: "k1", key: STORE_KEY }] },
    });
    const handler = createCallbackHandler({
      desk: createDesk({ secret: SECRET }),
      store,
      on: { onEvent: (event) => void heard.push(`${event.type} ${event.orgId}`) },
      onError: (error) => errors.push(error),
    });
    server = createServer(
      toNodeHandler(handler, { maxBodyBytes: MAX_BODY_BYTES, onError: (error) => errors.push(error) }),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
    // The installation every case would like to overwrite or remove.
    const body = Buffer.from(install({ securityContext: STORED_CONTEXT }));
    const hash = await signWith(SECRET)(body);
    const first = await send(port, "POST", body, { "Content-Type": "application/json", HASH: hash });
    expect(first.status).toBe(200);
    expect(heard.splice(0)).toEqual([`onInstall ${STORED_ORG}`]);
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await store.close();
    await rm(folder, { recursive: true, force: true });
  });

  it(`holds ${CASES.length} cases`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(45);
    expect(new Set(CASES.map(({ name }) => name)).size).toBe(CASES.length);
  });

  it.each(CASES)("$name: $status $error", async (c) => {
    const before = dump(path);
    const body = c.body === undefined ? undefined : Buffer.isBuffer(c.body) ? c.body : Buffer.from(c.body);
    // An explicit length: node:http sends a DELETE or OPTIONS body without framing otherwise.
    const headers: Record<string, string> = {
      "Content-Type": "application/json",
      ...(body !== undefined && { "Content-Length": String(body.length) }),
      ...c.headers,
    };
    const hashOption = c.hash === undefined ? "sign" : c.hash;
    if (hashOption !== null) {
      const hash =
        hashOption === "sign"
          ? await signWith(SECRET)(body ?? Buffer.alloc(0))
          : typeof hashOption === "function"
            ? await hashOption(body ?? Buffer.alloc(0))
            : hashOption;
      headers.HASH = hash;
      if (hash.length > 0) hashesSent.push(hash);
    }
    const answer = await send(port, c.method ?? "POST", body, headers);
    answers.push(answer.text);
    expect(answer.status).toBe(c.status);
    const json = JSON.parse(answer.text) as Record<string, unknown>;
    expect(json).toEqual({
      ok: false,
      error: c.error,
      ...(c.field !== undefined && { field: c.field, rule: c.rule }),
    });
    expect(heard).toEqual([]);
    expect(errors).toEqual([]);
    expect(dump(path)).toBe(before);
    // The stored installation is still the one installed, and the handler still answers a good callback.
    expect(await store.get(STORED_ORG)).toEqual({ orgId: STORED_ORG, securityContext: STORED_CONTEXT });
  });

  it("answers a good callback after every case, and no answer or table carries a secret", async () => {
    const body = Buffer.from(install({ event: "onConfigParamAdd", securityContext: STORED_CONTEXT }));
    const good = await send(port, "POST", body, {
      "Content-Type": "application/json",
      HASH: await signWith(SECRET)(body),
    });
    expect(good.status).toBe(200);
    expect(heard.splice(0)).toEqual([`onConfigParamAdd ${STORED_ORG}`]);
    const secrets = [SECRET, OTHER_SECRET, STORED_CONTEXT, ATTACK_CONTEXT, STORE_KEY, ...hashesSent];
    expect(hashesSent.length).toBeGreaterThan(30);
    const texts = [...answers, dump(path)];
    for (const secret of secrets) {
      for (const text of texts)
        expect(text.includes(secret), `a secret in: ${text.slice(0, 120)}`).toBe(false);
    }
  });
});
