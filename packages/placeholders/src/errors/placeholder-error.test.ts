import { describe, expect, it } from "vitest";
import { PlaceholderError } from "./placeholder-error.js";
import { PlaceholderLocationError } from "./placeholder-location-error.js";
import { PlaceholderSyntaxError } from "./placeholder-syntax-error.js";
import { PlaceholderValueError } from "./placeholder-value-error.js";
import { UnknownPlaceholderError } from "./unknown-placeholder-error.js";

const classes = [
  PlaceholderLocationError,
  PlaceholderSyntaxError,
  PlaceholderValueError,
  UnknownPlaceholderError,
];

describe("placeholder errors", () => {
  it.each(classes)("%o carries its fields, its name and the package prefix", (Class) => {
    const error = new Class({ message: "x is wrong", rule: "rule-a", token: "{{x}}", location: "headers" });
    expect(error).toBeInstanceOf(PlaceholderError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: Class.name, rule: "rule-a", token: "{{x}}", location: "headers" });
    expect(error.message).toBe("@desk/placeholders: x is wrong");
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      rule: "rule-a",
      token: "{{x}}",
      location: "headers",
    });
  });

  it.each(classes)("%o is recognised by brand, only by its own class and the base", (Class) => {
    const error = new Class({ message: "m", rule: "r" });
    expect(Class.isInstance(error)).toBe(true);
    expect(PlaceholderError.isInstance(error)).toBe(true);
    for (const Other of classes) if (Other !== Class) expect(Other.isInstance(error)).toBe(false);
    expect((error as unknown as Record<symbol, unknown>)[Symbol.for("@desk/error")]).toBe(true);
    expect(
      Object.getOwnPropertySymbols(error).every((s) => !Object.prototype.propertyIsEnumerable.call(error, s)),
    ).toBe(true);
  });

  it("recognises an error from another copy of the package by its brands", () => {
    const foreign = Object.defineProperty(
      new Error("x"),
      Symbol.for("@desk/placeholders/UnknownPlaceholderError"),
      {
        value: true,
      },
    );
    expect(UnknownPlaceholderError.isInstance(foreign)).toBe(true);
    expect(PlaceholderValueError.isInstance(foreign)).toBe(false);
  });

  it("rejects values that are not errors", () => {
    for (const value of [null, undefined, 0, "PlaceholderError", {}, new Error("x")]) {
      expect(PlaceholderError.isInstance(value)).toBe(false);
    }
  });

  it("leaves token and location out when there are none", () => {
    const error = new PlaceholderError({ message: "m", rule: "r" });
    expect("token" in error).toBe(false);
    expect("location" in error).toBe(false);
    expect(error.name).toBe("PlaceholderError");
  });
});
