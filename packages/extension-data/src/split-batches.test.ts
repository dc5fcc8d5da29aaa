import { describe, expect, it } from "vitest";
import { splitBatches } from "./split-batches.js";

describe("splitBatches", () => {
  it("splits 23 items into 10, 10 and 3, in order", () => {
    const items = Array.from({ length: 23 }, (_, i) => i);
    const batches = splitBatches(items, 10);
    expect(batches.map((batch) => batch.length)).toEqual([10, 10, 3]);
    expect(batches.flat()).toEqual(items);
  });

  it("answers no batch for no item, one for exactly 10", () => {
    expect(splitBatches([], 10)).toEqual([]);
    expect(
      splitBatches(
        Array.from({ length: 10 }, (_, i) => i),
        10,
      ),
    ).toHaveLength(1);
  });

  it("refuses a batch size below 1", () => {
    expect(() => splitBatches([1], 0)).toThrow(RangeError);
  });
});
