import { DeskError, TargetError } from "@desk/invoke-core";
import { describe, expect, it } from "vitest";
import { ExtensionDataApiError } from "./api-error.js";
import { BatchWriteError } from "./batch-write-error.js";
import { ExtensionDataError } from "./extension-data-error.js";
import { LogGroupFullError } from "./log-group-full-error.js";
import { ExtensionDataRateLimitError } from "./rate-limit-error.js";
import { ExtensionDataValidationError } from "./validation-error.js";

describe("errors", () => {
  const rateLimited = new ExtensionDataRateLimitError({
    operation: "storage.get",
    data: { errorCode: "RATE_LIMIT_EXCEEDED", message: "250 gets per minute" },
    retryAfterSeconds: 12,
  });

  it("carry the package prefix, Desk's code and message, and the class name", () => {
    expect(rateLimited.message).toBe(
      "@desk/extension-data: storage.get failed with status 429 RATE_LIMIT_EXCEEDED: 250 gets per minute",
    );
    expect([rateLimited.name, rateLimited.status, rateLimited.errorCode, rateLimited.deskMessage]).toEqual([
      "ExtensionDataRateLimitError",
      429,
      "RATE_LIMIT_EXCEEDED",
      "250 gets per minute",
    ]);
    expect(rateLimited.retryAfterSeconds).toBe(12);
  });

  it("isInstance follows the class tree, and DeskError.isInstance sees every one", () => {
    expect(ExtensionDataRateLimitError.isInstance(rateLimited)).toBe(true);
    expect(ExtensionDataApiError.isInstance(rateLimited)).toBe(true);
    expect(ExtensionDataError.isInstance(rateLimited)).toBe(true);
    expect(DeskError.isInstance(rateLimited)).toBe(true);
    expect(rateLimited).toBeInstanceOf(Error);
    expect(ExtensionDataValidationError.isInstance(rateLimited)).toBe(false);
    expect(TargetError.isInstance(rateLimited)).toBe(false);
    expect(ExtensionDataError.isInstance(new Error("x"))).toBe(false);
    expect(ExtensionDataError.isInstance(null)).toBe(false);
  });

  it("isInstance works on a copy from another installed package (brand only, no shared class)", () => {
    const foreign = Object.create(null) as Record<symbol, unknown>;
    foreign[Symbol.for("@desk/extension-data/LogGroupFullError")] = true;
    expect(LogGroupFullError.isInstance(foreign)).toBe(true);
    expect(BatchWriteError.isInstance(foreign)).toBe(false);
  });

  it("keep brands and name off the instance's own enumerable properties", () => {
    const error = new LogGroupFullError({ reference: "r", max: 10 });
    expect(Object.keys(error)).toEqual(["reference", "max"]);
    expect(Object.getOwnPropertySymbols(error)).toEqual([]);
  });

  it("a validation error names field, rule and sizes, and the setMany index", () => {
    const error = new ExtensionDataValidationError({
      field: "value",
      rule: "size",
      message: "must be at most 5222 bytes of compact UTF-8 JSON, got 6000",
      actual: 6000,
      limit: 5222,
      index: 4,
    });
    expect(error.message).toBe(
      "@desk/extension-data: items[4].value: must be at most 5222 bytes of compact UTF-8 JSON, got 6000",
    );
    expect([error.field, error.rule, error.actual, error.limit, error.index]).toEqual([
      "value",
      "size",
      6000,
      5222,
      4,
    ]);
  });

  it("a batch error keeps its cause", () => {
    const cause = new Error("boom");
    const error = new BatchWriteError({
      batchIndex: 0,
      batchCount: 1,
      writtenKeys: [],
      unwrittenKeys: ["a"],
      cause,
    });
    expect(error.cause).toBe(cause);
    expect(error.message).toBe(
      "@desk/extension-data: storage.setMany: batch 1 of 1 failed after 0 items were written: boom",
    );
  });
});
