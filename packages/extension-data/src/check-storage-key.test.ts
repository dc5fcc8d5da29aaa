import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkStorageKey } from "./check-storage-key.js";
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

describe("checkStorageKey", () => {
  it("accepts 1 and 50 characters of letters, digits and , _ :", () => {
    expect(() => checkStorageKey("a", "key")).not.toThrow();
    expect(() => checkStorageKey("x".repeat(50), "key")).not.toThrow();
    expect(() => checkStorageKey("Ticket:42,org_7", "queriableValue")).not.toThrow();
  });

  it("refuses an empty value, naming field, rule and sizes", () => {
    const error = refusal(() => checkStorageKey("", "key"));
    expect([error.field, error.rule, error.actual, error.limit]).toEqual(["key", "length", 0, 1]);
    expect(error.message).toBe("@desk/extension-data: key: must be 1 to 50 characters, got 0");
  });

  it("refuses 51 characters", () => {
    const error = refusal(() => checkStorageKey("q".repeat(51), "queriableValue"));
    expect([error.field, error.rule, error.actual, error.limit]).toEqual([
      "queriableValue",
      "length",
      51,
      50,
    ]);
  });

  it.each([
    ["ticket 42", '" "', 6],
    ["a-b", '"-"', 1],
    ["é", '"é"', 0],
    ["ok/no", '"/"', 2],
    ["a😀", '"😀"', 1],
  ])("refuses %j at the first bad character", (key, shown, position) => {
    const error = refusal(() => checkStorageKey(key, "key"));
    expect(error.rule).toBe("characters");
    expect(error.message).toContain(`found ${shown} at position ${position}`);
  });

  it("refuses a non-string, and names the setMany index", () => {
    const error = refusal(() => checkStorageKey(42, "key", 3));
    expect([error.rule, error.index]).toEqual(["type", 3]);
    expect(error.message).toBe("@desk/extension-data: items[3].key: must be a string, got number");
  });

  it("agrees with the spec rule on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (key) => {
        const valid = /^[A-Za-z0-9,_:]{1,50}$/.test(key);
        let threw = false;
        try {
          checkStorageKey(key, "key");
        } catch {
          threw = true;
        }
        return threw === !valid;
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});
