import { createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { implementations } from "../test/helpers.js";
import type { InvokeHashFields } from "./invoke-hash-fields.js";
import { INVOKE_HASH_FIELDS } from "./invoke-hash-fields.js";
import { stringToHash } from "./string-to-hash.js";

const settings = { seed: 42, numRuns: 100 };
const SECRET = "my_secret_key_238392";
const OLD_SECRET = "previous-secret-0001";
const FIELDS: InvokeHashFields = {
  requestURL: "https://desk.zoho.com/api/v1/tickets",
  requestType: "POST",
  postBody: '{"subject":"Printer on fire"}',
  headers: '{"orgId":"12345"}',
};
const BODY = '{"event":"onInstall","orgId":387238,"securityContext":"abc.def.ghi"}';
const hmac = (secret: string, message: string | Uint8Array) =>
  createHmac("sha256", secret).update(message).digest("hex");
const text = fc.string({ unit: "grapheme", maxLength: 60 });
const fieldsArb = fc.record(
  Object.fromEntries(INVOKE_HASH_FIELDS.map((name) => [name, fc.option(text, { nil: undefined })])),
  { requiredKeys: [] },
) as fc.Arbitrary<InvokeHashFields>;

describe.each(implementations)("%s", (_, hash) => {
  describe("tampering", () => {
    it("changing any single hashed field to another value fails verification", async () => {
      await fc.assert(
        fc.asyncProperty(
          fieldsArb,
          fc.constantFrom(...INVOKE_HASH_FIELDS),
          text,
          async (fields, name, value) => {
            // "" and absent hash alike, so they are not a change.
            fc.pre((value || undefined) !== (fields[name] || undefined));
            const signed = await hash.signInvoke(SECRET, fields);
            expect(await hash.verifyInvoke(SECRET, fields, signed)).toEqual({ valid: true, secretIndex: 0 });
            const tampered = { ...fields, [name]: value };
            expect(await hash.verifyInvoke(SECRET, tampered, signed)).toEqual({
              valid: false,
              reason: "mismatch",
            });
          },
        ),
        settings,
      );
    });

    it("flipping any bit of any byte of a callback body fails verification", async () => {
      const bodyArb = fc.uint8Array({ minLength: 1, maxLength: 512 });
      await fc.assert(
        fc.asyncProperty(bodyArb, fc.nat(), fc.integer({ min: 0, max: 7 }), async (body, at, bit) => {
          const signed = await hash.signCallback(SECRET, body);
          const flipped = body.slice();
          flipped[at % body.length]! ^= 1 << bit;
          expect(await hash.verifyCallback(SECRET, flipped, signed)).toEqual({
            valid: false,
            reason: "mismatch",
          });
          expect(await hash.verifyCallback(SECRET, body, signed)).toEqual({ valid: true, secretIndex: 0 });
        }),
        settings,
      );
    });

    it("a re-serialised body does not verify (why the raw body is required)", async () => {
      const pretty = JSON.stringify(JSON.parse(BODY), null, 2);
      expect(await hash.verifyCallback(SECRET, pretty, hmac(SECRET, BODY))).toEqual({
        valid: false,
        reason: "mismatch",
      });
    });
  });

  describe("rotation", () => {
    it("says which secret matched", async () => {
      const secrets = [SECRET, OLD_SECRET];
      expect(await hash.verifyInvoke(secrets, FIELDS, hmac(SECRET, stringToHash(FIELDS)))).toEqual({
        valid: true,
        secretIndex: 0,
      });
      expect(await hash.verifyInvoke(secrets, FIELDS, hmac(OLD_SECRET, stringToHash(FIELDS)))).toEqual({
        valid: true,
        secretIndex: 1,
      });
      expect(await hash.verifyCallback(secrets, BODY, hmac(OLD_SECRET, BODY))).toEqual({
        valid: true,
        secretIndex: 1,
      });
      expect(await hash.assertCallbackHash(secrets, BODY, hmac(OLD_SECRET, BODY))).toEqual({
        secretIndex: 1,
      });
      expect(await hash.verifyCallback(secrets, BODY, hmac("third", BODY))).toEqual({
        valid: false,
        reason: "mismatch",
      });
    });

    it("one-shot calls stay right across many secrets, used again and again", async () => {
      const secrets = Array.from({ length: 20 }, (_, i) => `secret-${i}`);
      // Twice round: nothing kept from one call may leak into the next.
      for (let pass = 0; pass < 2; pass++) {
        for (const [i, secret] of secrets.entries()) {
          expect(await hash.signCallback(secret, BODY)).toBe(hmac(secret, BODY));
          const rotated = [...secrets.slice(i + 1), secret];
          expect(await hash.verifyCallback(rotated, BODY, hmac(secret, BODY))).toEqual({
            valid: true,
            secretIndex: rotated.length - 1,
          });
        }
      }
    });

    it("a signer signs with the first secret and verifies against all", async () => {
      const signer = hash.createSigner([OLD_SECRET, SECRET]);
      expect(await signer.signInvoke(FIELDS)).toBe(hmac(OLD_SECRET, stringToHash(FIELDS)));
      expect(await signer.signCallback(BODY)).toBe(hmac(OLD_SECRET, BODY));
      expect(await signer.verifyInvoke(FIELDS, hmac(SECRET, stringToHash(FIELDS)))).toEqual({
        valid: true,
        secretIndex: 1,
      });
      expect(await signer.verifyCallback(BODY, hmac(SECRET, BODY))).toEqual({ valid: true, secretIndex: 1 });
    });
  });

  describe("canonical forms", () => {
    const withEmpty = { ...FIELDS, queryParams: "", connectionLinkName: "" };

    it("verifyInvoke accepts the keep-empty (Java) form as well as the skip-empty one", async () => {
      const javaForm = stringToHash(withEmpty, { keepEmpty: true });
      expect(javaForm).toContain("&queryParams=&");
      expect(await hash.verifyInvoke(SECRET, withEmpty, hmac(SECRET, javaForm))).toEqual({
        valid: true,
        secretIndex: 0,
      });
      expect(await hash.createSigner(SECRET).verifyInvoke(withEmpty, hmac(SECRET, javaForm))).toEqual({
        valid: true,
        secretIndex: 0,
      });
      expect(await hash.verifyInvoke(SECRET, withEmpty, hmac(SECRET, stringToHash(withEmpty)))).toEqual({
        valid: true,
        secretIndex: 0,
      });
    });

    it("signs the skip-empty form", async () => {
      expect(await hash.signInvoke(SECRET, withEmpty)).toBe(hmac(SECRET, stringToHash(FIELDS)));
    });
  });

  describe("missing and malformed HASH", () => {
    it.each([null, undefined, ""])("%j is missing", async (received) => {
      expect(await hash.verifyInvoke(SECRET, FIELDS, received)).toEqual({ valid: false, reason: "missing" });
      expect(await hash.createSigner(SECRET).verifyCallback(BODY, received)).toEqual({
        valid: false,
        reason: "missing",
      });
    });

    const good = hmac(SECRET, BODY);
    it.each([
      ["63 hex digits", good.slice(1)],
      ["65 hex digits", `${good}0`],
      ["a non-hex digit", `${good.slice(0, 63)}g`],
      ["surrounding spaces", ` ${good} `],
      ["a 0x prefix", `0x${good.slice(2)}`],
      ["base64 of the digest", Buffer.from(good, "hex").toString("base64")],
      ["a number", 42],
      ["an array of header values", [good]],
    ])("%s is malformed", async (_, received) => {
      expect(await hash.verifyCallback(SECRET, BODY, received as string)).toEqual({
        valid: false,
        reason: "malformed",
      });
    });
  });

  describe("assert variants", () => {
    it.each([
      ["missing", undefined],
      ["malformed", "xyz"],
      ["mismatch", "0".repeat(64)],
    ] as const)("reject with HashVerificationError(%s)", async (reason, received) => {
      const error = await hash.assertInvokeHash(SECRET, FIELDS, received).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(hash.HashVerificationError);
      expect(error).toBeInstanceOf(hash.DeskHashError);
      expect(hash.HashVerificationError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ name: "HashVerificationError", reason });
      await expect(hash.assertCallbackHash(SECRET, BODY, received)).rejects.toMatchObject({ reason });
    });

    it("messages name the rule", async () => {
      const messages = await Promise.all(
        [undefined, "xyz", "0".repeat(64)].map((h) =>
          hash.assertCallbackHash(SECRET, BODY, h).catch((e: Error) => e.message),
        ),
      );
      expect(messages).toEqual([
        "@desk/hash: HASH missing",
        "@desk/hash: HASH malformed (must be 64 hex digits)",
        "@desk/hash: HASH mismatch",
      ]);
    });
  });

  describe("errors never reveal a secret or a HASH", () => {
    it("in message, stack, String() or JSON of any error", async () => {
      const secret = "TOP-SECRET-VALUE-123";
      const wrong = hmac("another secret", BODY);
      const attempts = [
        hash.assertCallbackHash(secret, BODY, wrong),
        hash.assertCallbackHash([secret, "second-secret"], BODY, wrong.toUpperCase()),
        hash.assertInvokeHash(secret, FIELDS, `${wrong}00`),
        hash.assertInvokeHash(secret, FIELDS, ""),
        hash.verifyCallback(secret, { event: "onInstall" } as never, wrong),
        hash.signInvoke(secret, { requestURL: 1 } as never),
        hash.verifyInvoke([secret, ""], FIELDS, wrong),
      ];
      const errors = await Promise.all(
        attempts.map((p) =>
          p.then(
            () => null,
            (e: Error) => e,
          ),
        ),
      );
      for (const error of errors) {
        expect(error).toBeInstanceOf(Error);
        const seen = [
          error!.message,
          error!.stack,
          String(error),
          JSON.stringify(error),
          JSON.stringify({ ...error }),
        ];
        for (const text of seen) {
          expect(text).not.toContain(secret);
          expect(text?.toLowerCase()).not.toContain(wrong);
          expect(text?.toLowerCase()).not.toContain(wrong.slice(0, 16));
        }
      }
    });
  });

  describe("input checks (rejections, same on both paths)", () => {
    it.each([
      ["a parsed object", { event: "onInstall" }, "object"],
      ["null", null, "object"],
      ["a number", 42, "number"],
      ["a DataView", new DataView(new ArrayBuffer(2)), "object"],
      ["undefined", undefined, "undefined"],
    ])(
      "a callback body that is %s is a TypeError explaining why the raw body is needed",
      async (_, body, type) => {
        const expected = new TypeError(
          `@desk/hash: body must be a raw string, Uint8Array or ArrayBuffer, not ${type}: the HASH covers the bytes sent`,
        );
        await expect(hash.signCallback(SECRET, body as never)).rejects.toThrow(expected);
        await expect(hash.verifyCallback(SECRET, body as never, hmac(SECRET, BODY))).rejects.toThrow(
          expected,
        );
        // A programming error shows even on an unsigned request.
        await expect(hash.createSigner(SECRET).verifyCallback(body as never, undefined)).rejects.toThrow(
          expected,
        );
      },
    );

    it("hashes a Uint8Array view as the bytes it covers, not its whole buffer", async () => {
      const bytes = new TextEncoder().encode(`xx${BODY}yy`);
      expect(await hash.signCallback(SECRET, bytes.subarray(2, -2))).toBe(hmac(SECRET, BODY));
    });

    const noSecret = new TypeError("@desk/hash: secrets must be 1+ non-empty strings");
    it.each([[""], [[]], [[""]], [[SECRET, ""]], [undefined], [42]])(
      "secrets %j are a TypeError",
      async (secrets) => {
        await expect(hash.verifyInvoke(secrets as never, FIELDS, "x")).rejects.toThrow(noSecret);
        expect(() => hash.createSigner(secrets as never)).toThrow(noSecret);
      },
    );

    it("an empty signing secret rejects", async () => {
      await expect(hash.signInvoke("", FIELDS)).rejects.toThrow(noSecret);
      await expect(hash.signCallback("", BODY)).rejects.toThrow(noSecret);
    });

    it("a non-string field rejects", async () => {
      await expect(hash.verifyInvoke(SECRET, { requestType: 1 } as never, undefined)).rejects.toThrow(
        TypeError,
      );
    });
  });
});
