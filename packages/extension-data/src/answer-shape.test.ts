import { describe, expect, it } from "vitest";
import * as zodSchemas from "../test/zod-answer-schemas.js";
import {
  type AnswerShape,
  configParamsShape,
  deletedKeysShape,
  logEntryShape,
  permissionsShape,
  storageItemShape,
  storageListShape,
} from "./answer-shape.js";

// Each hand-written shape next to the zod schema the package used before, which stays the reference.
const PAIRS: [
  string,
  AnswerShape<unknown>,
  { safeParse(data: unknown): { success: boolean; data?: unknown } },
][] = [
  ["storageItem", storageItemShape, zodSchemas.storageItemSchema],
  ["storageList", storageListShape, zodSchemas.storageListSchema],
  ["deletedKeys", deletedKeysShape, zodSchemas.deletedKeysSchema],
  ["configParams", configParamsShape, zodSchemas.configParamsSchema],
  ["logEntry", logEntryShape, zodSchemas.logEntrySchema],
  ["permissions", permissionsShape, zodSchemas.permissionsSchema],
];

const VALID: Record<string, unknown> = {
  storageItem: { key: "k", queriableValue: "q", value: { n: 1 } },
  storageList: { data: [{ key: "k", queriableValue: "q", value: { n: 1 } }] },
  deletedKeys: { data: ["a", "b"] },
  configParams: { data: [{ name: "token", value: "********" }] },
  logEntry: {
    logId: 7,
    parentLogId: null,
    extensionName: "x",
    title: "t",
    description: "d",
    installationId: "9",
    logTime: "2026-01-01T00:00:00Z",
  },
  permissions: { data: [{ apiName: "canGreet", isEnabled: true }] },
};

/** mulberry32: a small PRNG with a fixed seed, so the fuzz is the same every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ODD_VALUES = [null, undefined, 0, 12, -1.5, "", "s", true, false, [], ["x"], {}, { a: 1 }, [{}]];

/** A copy of `value` with one spot somewhere inside it replaced, removed, or given an extra key. */
function mutate(value: unknown, next: () => number): unknown {
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  if (next() < 0.25 || value === null || typeof value !== "object") return pick(ODD_VALUES);
  if (Array.isArray(value)) {
    if (value.length === 0 || next() < 0.2) return [...value, pick(ODD_VALUES)];
    const index = Math.floor(next() * value.length);
    return value.map((entry, i) => (i === index ? mutate(entry, next) : entry));
  }
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  const keys = Object.keys(copy);
  const roll = next();
  if (roll < 0.15) copy[`extra${Math.floor(next() * 3)}`] = pick(ODD_VALUES);
  else if (roll < 0.3 && keys.length > 0) delete copy[pick(keys)];
  else if (keys.length > 0) {
    const key = pick(keys);
    copy[key] = mutate(copy[key], next);
  }
  return copy;
}

describe("the answer shapes agree with the zod schemas they replace", () => {
  it.each(PAIRS)("%s: the valid sample passes both, with the same output", (name, shape, schema) => {
    const ours = shape(VALID[name]);
    const theirs = schema.safeParse(VALID[name]);
    expect(ours).toEqual({ ok: true, value: theirs.data });
  });

  it.each(PAIRS)("%s: 3,000 fixed-seed mutations get the same verdict and output", (name, shape, schema) => {
    const next = random(0x5eed + name.length);
    let refused = 0;
    for (let i = 0; i < 3_000; i++) {
      let sample = VALID[name];
      for (let depth = 1 + Math.floor(next() * 3); depth > 0; depth--) sample = mutate(sample, next);
      const ours = shape(sample);
      const theirs = schema.safeParse(sample);
      expect(ours.ok, JSON.stringify(sample)).toBe(theirs.success);
      if (ours.ok) expect(ours.value, JSON.stringify(sample)).toEqual(theirs.data);
      else {
        refused++;
        expect(ours.issues.length).toBeGreaterThan(0);
      }
    }
    // The fuzz reaches both sides of every shape.
    expect(refused).toBeGreaterThan(300);
    expect(refused).toBeLessThan(3_000);
  });

  it("names the path and what was expected, and keeps only the known keys", () => {
    expect(storageListShape({ data: [{ key: 1, queriableValue: "q", value: [] }] })).toEqual({
      ok: false,
      issues: [
        "data.0.key: expected string, received number",
        "data.0.value: expected object, received array",
      ],
    });
    expect(deletedKeysShape("<html>")).toEqual({
      ok: false,
      issues: ["(body): expected object, received string"],
    });
    expect(permissionsShape({ data: [{ apiName: "a", isEnabled: false, extra: 1 }], more: 2 })).toEqual({
      ok: true,
      value: { data: [{ apiName: "a", isEnabled: false }] },
    });
    expect(logEntryShape({ ...(VALID["logEntry"] as object), parentLogId: undefined })).toMatchObject({
      ok: true,
      value: { logId: "7", parentLogId: null },
    });
  });
});
