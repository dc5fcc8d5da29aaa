import { describe, expect, it } from "vitest";
import { brandError } from "./brand-error.js";
import { DeskError } from "./desk-error.js";

class ParentError extends DeskError {
  static override readonly brand: symbol = brandError(this, "@desk/test/ParentError");
  readonly field: string;
  constructor({ field, cause }: { field: string; cause?: unknown }) {
    super({ message: `@desk/test: ${field} is wrong`, cause });
    this.field = field;
  }
}

class ChildError extends ParentError {
  static override readonly brand: symbol = brandError(this, "@desk/test/ChildError");
}

class SiblingError extends DeskError {
  static override readonly brand: symbol = brandError(this, "@desk/test/SiblingError");
}

describe("DeskError", () => {
  const child = new ChildError({ field: "key" });

  it("isInstance follows the class tree and the shared brand", () => {
    expect([DeskError, ParentError, ChildError, SiblingError].map((C) => C.isInstance(child))).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(ChildError.isInstance(new ParentError({ field: "x" }))).toBe(false);
    expect(child).toBeInstanceOf(Error);
  });

  it("isInstance recognises a copy from another installed package by its brand alone", () => {
    const foreign = Object.create(null, {
      [Symbol.for("@desk/error")]: { value: true },
      [Symbol.for("@desk/test/ChildError")]: { value: true },
    });
    expect(ChildError.isInstance(foreign)).toBe(true);
    expect(DeskError.isInstance(foreign)).toBe(true);
    expect(ParentError.isInstance(foreign)).toBe(false);
  });

  it("isInstance is false for values that are not @desk errors, and never throws", () => {
    for (const value of [null, undefined, 0, "DeskError", {}, new Error("x"), Symbol("s")]) {
      expect(DeskError.isInstance(value)).toBe(false);
    }
  });

  it("name is on the prototype, non-enumerable, and shows in String()", () => {
    expect(child.name).toBe("ChildError");
    expect(new SiblingError({ message: "m" }).name).toBe("SiblingError");
    expect(new DeskError({ message: "m" }).name).toBe("DeskError");
    expect(Object.hasOwn(child, "name")).toBe(false);
    expect(String(child)).toBe("ChildError: @desk/test: key is wrong");
  });

  it("JSON.stringify holds only the error's own fields: no name, brand or message", () => {
    expect(JSON.parse(JSON.stringify(child))).toEqual({ field: "key" });
    expect(Object.getOwnPropertySymbols(child)).toEqual([]);
  });

  it("keeps cause when given, and has no cause property when not", () => {
    const cause = new Error("boom");
    expect(new ParentError({ field: "k", cause }).cause).toBe(cause);
    expect("cause" in child).toBe(false);
  });
});
