import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkStorageValue } from "./check-storage-value.js";
import { ExtensionDataValidationError } from "./errors/validation-error.js";

function refusal(run: () => void): ExtensionDataValidationError {
  try {
    run();
  } catch (error) {
    if (ExtensionDataValidationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

// {"s":"..."} is 8 bytes around the string.
const valueOfBytes = (bytes: number, char = "a") => ({
  s: char.repeat((bytes - 8) / Buffer.byteLength(char)),
});

describe("checkStorageValue", () => {
  it("answers the compact UTF-8 JSON size", () => {
    expect(checkStorageValue({})).toBe(2);
    expect(checkStorageValue({ state: "open" })).toBe(16);
    expect(checkStorageValue({ a: "é" })).toBe(10);
    expect(checkStorageValue({ a: "€😀" })).toBe(15);
  });

  it("accepts exactly 5,222 bytes and refuses 5,223", () => {
    expect(checkStorageValue(valueOfBytes(5222))).toBe(5222);
    const error = refusal(() => checkStorageValue(valueOfBytes(5223)));
    expect([error.field, error.rule, error.actual, error.limit]).toEqual(["value", "size", 5223, 5222]);
    expect(error.message).toBe(
      "@desk/extension-data: value: must be at most 5222 bytes of compact UTF-8 JSON, got 5223",
    );
  });

  it("measures bytes, not characters", () => {
    // 5,214 characters of "é" would pass a character count; as UTF-8 they are 10,436 bytes.
    const error = refusal(() => checkStorageValue({ s: "é".repeat(5214) }));
    expect(error.actual).toBe(5214 * 2 + 8);
  });

  it.each([
    [[1, 2], "an array"],
    [null, "null"],
    ["text", "string"],
    [42, "number"],
    [new Date(0), "a Date"],
    [new Map(), "a Map"],
  ])("refuses %j as not a JSON object", (value, described) => {
    const error = refusal(() => checkStorageValue(value));
    expect(error.rule).toBe("type");
    expect(error.message).toContain(`got ${described}`);
  });

  it("accepts an object without prototype", () => {
    expect(checkStorageValue(Object.assign(Object.create(null), { a: 1 }))).toBe(7);
  });

  it.each([
    [{ a: undefined }, "value.a is undefined"],
    [{ a: [1, undefined] }, "value.a[1] is undefined"],
    [{ a: { b: Number.NaN } }, "value.a.b is NaN"],
    [{ a: Number.POSITIVE_INFINITY }, "value.a is Infinity"],
    [{ a: () => 1 }, "value.a is function"],
    [{ a: 1n }, "value.a is bigint"],
    [{ at: new Date(0) }, "value.at is a Date"],
  ])("refuses non-JSON content %#", (value, problem) => {
    const error = refusal(() => checkStorageValue(value));
    expect(error.rule).toBe("json");
    expect(error.message).toContain(problem);
  });

  it("refuses a cycle but accepts a shared (acyclic) object", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic["self"] = cyclic;
    expect(refusal(() => checkStorageValue(cyclic)).message).toContain(
      "value.self.self.self", // ... down to the depth bound
    );
    expect(refusal(() => checkStorageValue(cyclic)).message).toMatch(
      /nests more than 2611 levels deep \(a circular reference\?\)$/,
    );
    const shared = { x: 1 };
    expect(checkStorageValue({ a: shared, b: shared })).toBe(25);
  });

  it("refuses a value over the limit whatever its length, with the exact byte count", () => {
    expect(refusal(() => checkStorageValue({ s: "a".repeat(100_000) })).actual).toBe(100_008);
    expect(refusal(() => checkStorageValue({ s: "😀".repeat(2000) })).actual).toBe(8008);
    expect(refusal(() => checkStorageValue({ s: "€".repeat(2000) })).actual).toBe(6008);
  });

  it("counts bytes like TextEncoder for any JSON object", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ unit: "binary" }), fc.jsonValue({ stringUnit: "binary" }), { maxKeys: 5 }),
        (value) => {
          const expected = new TextEncoder().encode(JSON.stringify(value)).length;
          if (expected <= 5222) return checkStorageValue(value) === expected;
          try {
            checkStorageValue(value);
            return false;
          } catch (error) {
            return (error as { actual?: number }).actual === expected;
          }
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });
});
