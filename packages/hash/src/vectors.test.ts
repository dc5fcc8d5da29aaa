import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { implementations, vectors } from "../test/helpers.js";
import { stringToHash } from "./string-to-hash.js";

describe("known-answer vectors of spec/hash-vectors.json", () => {
  it("loads every vector from the shared spec", () => {
    expect(vectors.invoke.map((v) => v.name)).toEqual([
      "doc-sample-all-fields",
      "get-storage-placeholder-no-body",
      "empty-strings-are-skipped",
      "raw-values-not-url-encoded",
      "resource-placeholders-in-body",
    ]);
    expect(vectors.callback.map((v) => v.name)).toEqual([
      "on-install-compact",
      "on-uninstall-pretty-printed",
    ]);
  });

  it.each(vectors.invoke)("stringToHash: $name", ({ fields, stringToHash: expected }) => {
    expect(stringToHash(fields)).toBe(expected);
  });

  it.each(vectors.invoke)("the vector's own hash is HMAC-SHA256 of its string: $name", (v) => {
    expect(createHmac("sha256", v.secret).update(v.stringToHash).digest("hex")).toBe(v.hash);
  });

  describe.each(implementations)("%s", (_, hash) => {
    it.each(vectors.invoke)(
      "signInvoke and signer.signInvoke: $name",
      async ({ secret, fields, hash: expected }) => {
        expect(await hash.signInvoke(secret, fields)).toBe(expected);
        expect(await hash.createSigner(secret).signInvoke(fields)).toBe(expected);
      },
    );

    it.each(vectors.invoke)("verifyInvoke accepts it in lower and upper case: $name", async (v) => {
      for (const received of [v.hash, v.hash.toUpperCase()]) {
        expect(await hash.verifyInvoke(v.secret, v.fields, received)).toEqual({
          valid: true,
          secretIndex: 0,
        });
        expect(await hash.createSigner([v.secret]).verifyInvoke(v.fields, received)).toEqual({
          valid: true,
          secretIndex: 0,
        });
        expect(await hash.assertInvokeHash(v.secret, v.fields, received)).toEqual({ secretIndex: 0 });
      }
    });

    it.each(vectors.callback)(
      "signCallback over string, Uint8Array, Buffer and ArrayBuffer: $name",
      async (v) => {
        const bytes = new TextEncoder().encode(v.body);
        const bodies = [v.body, bytes, Buffer.from(v.body), bytes.slice().buffer];
        for (const body of bodies) {
          expect(await hash.signCallback(v.secret, body)).toBe(v.hash);
          expect(await hash.createSigner(v.secret).signCallback(body)).toBe(v.hash);
        }
      },
    );

    it.each(vectors.callback)("verifyCallback and assertCallbackHash accept it: $name", async (v) => {
      expect(await hash.verifyCallback(v.secret, v.body, v.hash.toUpperCase())).toEqual({
        valid: true,
        secretIndex: 0,
      });
      expect(await hash.createSigner(v.secret).verifyCallback(v.body, v.hash)).toEqual({
        valid: true,
        secretIndex: 0,
      });
      expect(await hash.assertCallbackHash(v.secret, v.body, v.hash)).toEqual({ secretIndex: 0 });
    });
  });
});
