import * as errors from "@desk/errors";
import * as extensionData from "@desk/extension-data";
import * as hash from "@desk/hash";
import * as invokeCore from "@desk/invoke-core";
import * as placeholders from "@desk/placeholders";
import type {
  ConfigParam,
  InvokeRequest,
  InvokeResult,
  LogInput,
  Permission,
  StorageItem,
  StorageSetOptions,
  VerifyResult,
} from "@desk/sdk";
import * as sdk from "@desk/sdk";
import { describe, expect, it } from "vitest";

const layers = { errors, hash, placeholders, invokeCore, extensionData, sdk };

/** Every exported error class of a module: a function whose prototype carries the shared @desk/error brand. */
const errorClasses = (module: Record<string, unknown>) =>
  Object.entries(module).filter(
    (entry): entry is [string, typeof errors.DeskError] =>
      typeof entry[1] === "function" &&
      (entry[1] as { prototype?: Record<symbol, unknown> }).prototype?.[Symbol.for("@desk/error")] === true,
  );

describe("@desk/sdk is the one import", () => {
  it.each(Object.entries(layers))("re-exports every error class of %s, as the same class", (_, module) => {
    const classes = errorClasses(module);
    expect(classes.length).toBeGreaterThan(0);
    for (const [name, Class] of classes)
      expect([name, (sdk as Record<string, unknown>)[name]]).toEqual([name, Class]);
  });

  it("re-exports the builders and constants a user needs", () => {
    expect(sdk.placeholder).toBe(placeholders.placeholder);
    expect(sdk.STORAGE_LIMITS).toBe(extensionData.STORAGE_LIMITS);
    expect(sdk.DATA_CENTERS).toBe(invokeCore.DATA_CENTERS);
  });

  it("types a user touches come from @desk/sdk alone (checked by typecheck)", () => {
    const request: InvokeRequest = { url: "https://example.com", method: "GET" };
    const result: Pick<InvokeResult, "status"> = { status: 200 };
    const options: StorageSetOptions = { queriableValue: "open" };
    const verified: VerifyResult = { valid: true, secretIndex: 0 };
    const used: [ConfigParam?, LogInput?, Permission?, StorageItem?] = [];
    expect([request.method, result.status, options.queriableValue, verified.valid, used]).toEqual([
      "GET",
      200,
      "open",
      true,
      [],
    ]);
  });
});

describe("every error class of every package passes the one base check", () => {
  const all = Object.values(layers).flatMap(errorClasses);
  const brands = new Set(all.map(([, Class]) => Class.brand));

  it.each(all)("%s: a DeskError, its own brand, name on the prototype and not enumerable", (name, Class) => {
    const instance = Object.create(Class.prototype) as Error;
    expect(errors.DeskError.isInstance(instance)).toBe(true);
    expect(Class.isInstance(instance)).toBe(true);
    expect(Class.isInstance(new Error(name))).toBe(false);
    expect(Object.getOwnPropertyDescriptor(Class.prototype, "name")).toMatchObject({
      value: name,
      enumerable: false,
    });
    expect(Class.isInstance).toBe(errors.DeskError.isInstance);
  });

  it("one brand per class", () => {
    expect(brands.size).toBe(new Set(all.map(([name]) => name)).size);
  });
});
