import { describe, expect, it } from "vitest";
import { parseHash } from "./parse-hash.js";

describe("parseHash", () => {
  it("decodes hex in any case to the same 32 bytes", () => {
    const hex = "00ff10a0B0c0D0e0F09a9f0123456789abcdefABCDEF0011223344556677aAbB";
    const expected = new Uint8Array(Buffer.from(hex, "hex"));
    expect(parseHash(hex)).toEqual(expected);
    expect(parseHash(hex.toLowerCase())).toEqual(expected);
    expect(parseHash(hex.toUpperCase())).toEqual(expected);
  });

  it("refuses every character that is not a hex digit, in every position", () => {
    const base = "0".repeat(64);
    for (const bad of ["g", "G", "/", ":", "@", "`", " ", "x", "é", "\u0000", "\u0130", "\uff10"]) {
      for (const at of [0, 1, 31, 62, 63]) {
        expect(parseHash(base.slice(0, at) + bad + base.slice(at + 1))).toBe("malformed");
      }
    }
  });

  it("tells missing from malformed", () => {
    expect([undefined, null, ""].map(parseHash)).toEqual(["missing", "missing", "missing"]);
    expect(["0".repeat(63), "0".repeat(65), 0, {}].map(parseHash)).toEqual(Array(4).fill("malformed"));
  });
});
