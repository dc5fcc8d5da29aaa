import { createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { node, web } from "../test/helpers.js";
import { INVOKE_HASH_FIELDS } from "./invoke-hash-fields.js";

const settings = { seed: 42, numRuns: 150 };
// Any code point, lone surrogates included: both paths must encode them to UTF-8 the same way (U+FFFD).
const text = fc.string({ unit: "binary", maxLength: 200 });
const fields = fc.record(
  Object.fromEntries(INVOKE_HASH_FIELDS.map((name) => [name, fc.option(text, { nil: undefined })])),
  { requiredKeys: [] },
);
const secret = fc.string({ unit: "grapheme", minLength: 1, maxLength: 80 });

describe("WebCrypto and node:crypto agree", () => {
  it("on random invoke fields (unicode included), and both equal a bare createHmac", async () => {
    await fc.assert(
      fc.asyncProperty(secret, fields, async (key, value) => {
        const expected = createHmac("sha256", key).update(node.stringToHash(value), "utf8").digest("hex");
        expect(await web.signInvoke(key, value)).toBe(expected);
        expect(await node.signInvoke(key, value)).toBe(expected);
        expect(await web.createSigner(key).signInvoke(value)).toBe(expected);
        expect(await node.createSigner(key).signInvoke(value)).toBe(expected);
      }),
      settings,
    );
  });

  it("on random callback bodies given as bytes and as text", async () => {
    await fc.assert(
      fc.asyncProperty(secret, fc.uint8Array({ maxLength: 2048 }), text, async (key, bytes, body) => {
        const expectedBytes = createHmac("sha256", key).update(bytes).digest("hex");
        const expectedText = createHmac("sha256", key).update(body, "utf8").digest("hex");
        for (const impl of [web, node]) {
          expect(await impl.signCallback(key, bytes)).toBe(expectedBytes);
          expect(await impl.signCallback(key, bytes.slice().buffer)).toBe(expectedBytes);
          expect(await impl.signCallback(key, body)).toBe(expectedText);
          expect(await impl.verifyCallback(key, body, expectedText)).toEqual({ valid: true, secretIndex: 0 });
        }
      }),
      settings,
    );
  });

  it("on verification results for random HASH strings", async () => {
    const received = fc.oneof(fc.string({ maxLength: 70 }), fc.stringMatching(/^[0-9a-fA-F]{64}$/));
    await fc.assert(
      fc.asyncProperty(secret, fields, received, async (key, value, hash) => {
        expect(await web.verifyInvoke(key, value, hash)).toEqual(await node.verifyInvoke(key, value, hash));
      }),
      settings,
    );
  });
});

describe("large values (hashed in pieces, never concatenated)", () => {
  it("sign and verify the same bytes as the whole canonical string, unicode at the piece boundaries", async () => {
    const unit = fc.constantFrom("a", "é", "你", "🚀", "\ud83d", "\ude80", "&", "=");
    const large = fc.array(unit, { minLength: 8190, maxLength: 9000 }).map((chars) => chars.join(""));
    await fc.assert(
      fc.asyncProperty(large, large, fc.option(text, { nil: undefined }), async (postBody, headers, url) => {
        const value = { requestURL: url, requestType: "PUT", postBody, headers };
        const canonical = node.stringToHash(value);
        expect(canonical).toBe(
          `${url ? `requestURL=${url}&` : ""}requestType=PUT&postBody=${postBody}&headers=${headers}`,
        );
        const expected = createHmac("sha256", "k").update(canonical, "utf8").digest("hex");
        expect(await node.signInvoke("k", value)).toBe(expected);
        expect(await web.signInvoke("k", value)).toBe(expected);
        expect(await node.verifyInvoke("k", value, expected)).toEqual({ valid: true, secretIndex: 0 });
        expect(await web.verifyInvoke("k", value, expected)).toEqual({ valid: true, secretIndex: 0 });
      }),
      { seed: 42, numRuns: 25 },
    );
  });
});
