import { signCallback } from "@desk/hash";
import { DeskError } from "@desk/invoke-core";
import { describe, expect, it } from "vitest";
import { createDesk } from "./create-desk.js";
import { createMemoryInstallationStore } from "./create-memory-installation-store.js";
import { CallbackVerificationError } from "./errors/callback-verification-error.js";
import { DeskSdkError } from "./errors/desk-sdk-error.js";
import { NotInstalledError } from "./errors/not-installed-error.js";
import { SdkOptionsError } from "./errors/sdk-options-error.js";

const SECRET = "sdk_test_secret_0a1b2c";
const OLD_SECRET = "sdk_old_secret_9z8y7x";
const BODY = '{"event":"onInstall","orgId":387238,"securityContext":"sealed-context"}';

describe("desk.callbacks", () => {
  const desk = createDesk({ secret: SECRET });

  it("verifies a web Request over its raw bytes and answers the typed event", async () => {
    const request = new Request("http://127.0.0.1/desk/callbacks", {
      method: "POST",
      headers: { HASH: await signCallback(SECRET, BODY), "Content-Type": "application/json" },
      body: BODY,
    });
    const event = await desk.callbacks.verify(request);
    expect({ ...event, securityContext: event.securityContext }).toEqual({
      event: "onInstall",
      type: "onInstall",
      orgId: "387238",
      securityContext: "sealed-context",
      payload: {},
    });
  });

  it("verifies raw bytes given as a string, a Uint8Array and an ArrayBuffer alike", async () => {
    const hash = await signCallback(SECRET, BODY);
    const encoded = new TextEncoder().encode(BODY);
    const orgIds = await Promise.all(
      [BODY, encoded, encoded.buffer].map(async (body) => (await desk.callbacks.verifyRaw(body, hash)).orgId),
    );
    expect(orgIds).toEqual(["387238", "387238", "387238"]);
  });

  it("accepts a HASH in upper case (hex in any case)", async () => {
    const hash = (await signCallback(SECRET, BODY)).toUpperCase();
    expect((await desk.callbacks.verifyRaw(BODY, hash)).event).toBe("onInstall");
  });

  it.each([
    ["missing", async (): Promise<string | null> => null],
    ["malformed", async (): Promise<string | null> => "abc"],
    ["mismatch", (): Promise<string | null> => signCallback("another-secret", BODY)],
    ["mismatch", (): Promise<string | null> => signCallback(SECRET, `${BODY} `)],
  ] as const)(
    "refuses a %s HASH with CallbackVerificationError (401) that never quotes it",
    async (reason, hashOf) => {
      const hash = await hashOf();
      const verify = desk.callbacks.verifyRaw(BODY, hash);
      await expect(verify).rejects.toBeInstanceOf(CallbackVerificationError);
      await expect(verify).rejects.toMatchObject({
        reason,
        status: 401,
        message: expect.stringMatching(/^@desk\/sdk: callback HASH header /),
      });
      await expect(verify).rejects.toHaveProperty("message", expect.not.stringContaining(SECRET));
      if (hash) await expect(verify).rejects.toHaveProperty("message", expect.not.stringContaining(hash));
    },
  );

  it("verifies against every secret during a rotation", async () => {
    const rotating = createDesk({ secret: [SECRET, OLD_SECRET] });
    const event = await rotating.callbacks.verifyRaw(BODY, await signCallback(OLD_SECRET, BODY));
    expect(event.orgId).toBe("387238");
  });

  it("rejects a parsed object instead of raw bytes with a TypeError (a wiring mistake)", async () => {
    await expect(desk.callbacks.verifyRaw(JSON.parse(BODY), "0".repeat(64))).rejects.toBeInstanceOf(
      TypeError,
    );
  });
});

describe("createDesk options", () => {
  it.each([
    [{}, "secret", "required"],
    [{ secret: "" }, "secret", "required"],
    [{ secret: [] }, "secret", "required"],
    [{ secret: [SECRET, ""] }, "secret", "required"],
    [{ secret: SECRET, cacheSize: 0 }, "cacheSize", "range"],
  ])("refuses %j with SdkOptionsError naming the option", (options, field, rule) => {
    const create = () => createDesk(options as never);
    expect(create).toThrow(SdkOptionsError);
    expect(create).toThrow(DeskSdkError);
    expect(create).toThrow(DeskError);
    expect(create).toThrow(expect.objectContaining({ field, rule }));
  });
});

describe("desk.installation", () => {
  const record = { orgId: "12345", securityContext: "context-a" };

  it("makes one set of clients per orgId + securityContext and reuses it", () => {
    const desk = createDesk({ secret: SECRET });
    const first = desk.installation(record);
    expect(desk.installation({ ...record })).toBe(first);
    expect(desk.installation({ ...record, securityContext: "context-b" })).not.toBe(first);
    expect(Object.keys(first).sort()).toEqual([
      "client",
      "config",
      "invoke",
      "logs",
      "permissions",
      "storage",
    ]);
    expect([first.client.orgId, first.client.deskOrigin]).toEqual(["12345", "https://desk.zoho.com"]);
  });

  it("builds on the data centre's Desk origin", () => {
    const desk = createDesk({ secret: SECRET, dataCenter: "eu" });
    expect(desk.installation(record).client.deskOrigin).toBe("https://desk.zoho.eu");
  });

  it("forgets an org's clients, and drops the least recently used beyond cacheSize", () => {
    const desk = createDesk({ secret: SECRET, cacheSize: 2 });
    const a = desk.installation(record);
    desk.forget("12345");
    expect(desk.installation(record)).not.toBe(a);

    const b = desk.installation({ orgId: "2", securityContext: "b" });
    const c = desk.installation({ orgId: "3", securityContext: "c" });
    desk.installation({ orgId: "2", securityContext: "b" }); // b is now the most recent
    desk.installation({ orgId: "4", securityContext: "d" }); // evicts c
    expect(desk.installation({ orgId: "2", securityContext: "b" })).toBe(b);
    expect(desk.installation({ orgId: "3", securityContext: "c" })).not.toBe(c);
  });

  it("says the org is not installed for no record (what store.get gives for an unknown org), not a type error", async () => {
    const desk = createDesk({ secret: SECRET });
    const store = createMemoryInstallationStore();
    const record = await store.get("12345");
    expect(() => desk.installation(record)).toThrow(NotInstalledError);
    expect(() => desk.installation(record)).toThrow(
      expect.objectContaining({
        name: "NotInstalledError",
        errorCode: "NOT_INSTALLED",
        message: expect.stringMatching(/^@desk\/sdk: the org has not installed the extension/),
      }),
    );
    expect(() => desk.installation(null)).toThrow(NotInstalledError);
  });

  it("refuses a record without string orgId and securityContext", () => {
    const desk = createDesk({ secret: SECRET });
    expect(() => desk.installation({ orgId: 12345 } as never)).toThrow(
      "@desk/sdk: installation needs orgId and securityContext as strings",
    );
  });
});
