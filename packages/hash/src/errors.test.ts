import { describe, expect, it } from "vitest";
import { DeskHashError } from "./desk-hash-error.js";
import { HashVerificationError } from "./hash-verification-error.js";

describe("error classes", () => {
  it("carry the shared @desk/error brand and their own, on the prototype only", () => {
    const error = new HashVerificationError({ reason: "mismatch" });
    expect((error as unknown as Record<symbol, unknown>)[Symbol.for("@desk/error")]).toBe(true);
    expect(
      (error as unknown as Record<symbol, unknown>)[Symbol.for("@desk/hash/HashVerificationError")],
    ).toBe(true);
    expect(Object.getOwnPropertySymbols(error)).toEqual([]);
    expect(JSON.parse(JSON.stringify(error))).toEqual({ reason: "mismatch" });
  });

  it("isInstance recognises another installed copy by brand, and nothing else", () => {
    const foreign = Object.create(null, {
      [Symbol.for("@desk/hash/DeskHashError")]: { value: true },
      [Symbol.for("@desk/hash/HashVerificationError")]: { value: true },
    });
    expect(HashVerificationError.isInstance(foreign)).toBe(true);
    expect(DeskHashError.isInstance(foreign)).toBe(true);
    expect(DeskHashError.isInstance(new HashVerificationError({ reason: "missing" }))).toBe(true);
    expect(HashVerificationError.isInstance(new DeskHashError({ message: "@desk/hash: other" }))).toBe(false);
    for (const value of [new Error("x"), null, undefined, "DeskHashError", 1, {}]) {
      expect(DeskHashError.isInstance(value)).toBe(false);
    }
  });

  it("have names that survive minification and show in String()", () => {
    expect(String(new HashVerificationError({ reason: "missing" }))).toBe(
      "HashVerificationError: @desk/hash: HASH missing",
    );
    expect(new DeskHashError({ message: "@desk/hash: x" }).name).toBe("DeskHashError");
  });
});
