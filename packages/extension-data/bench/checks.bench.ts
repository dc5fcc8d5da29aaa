import type { BenchSuite } from "../../../scripts/bench-types.ts";
import { checkStorageKey } from "../src/check-storage-key.js";
import { checkStorageValue } from "../src/check-storage-value.js";
import { createRateLimiter } from "../src/rate-limiter.js";

// A realistic ~5 KB value: nested objects, arrays, non-ASCII text.
const value = {
  ticket: {
    id: "1234567890",
    subject: "Überweisung fehlgeschlagen – bitte prüfen",
    tags: ["billing", "urgent"],
  },
  history: Array.from({ length: 85 }, (_, i) => ({
    at: 1_700_000_000 + i,
    by: `agent${i}`,
    note: "näher ansehen",
  })),
};
const encoder = new TextEncoder();
const bytes = encoder.encode(JSON.stringify(value)).length;
const keyPattern = /^[A-Za-z0-9,_:]{1,50}$/;

// Default budgets (250 gets/min) with calls 250 ms apart: the budget never runs out, so this is bookkeeping alone.
let time = 0;
const limiter = createRateLimiter({ now: () => (time += 125) });
const call = async () => undefined;

const suite: BenchSuite = {
  package: "@desk/extension-data",
  title: "client-side limit checks and the rate limiter's cost per call",
  cases: [
    {
      name: `checkStorageValue (${bytes} B object)`,
      subject: () => checkStorageValue(value),
      // The least any size check must do: serialise and encode.
      baseline: {
        name: "TextEncoder(JSON.stringify)",
        fn: () => encoder.encode(JSON.stringify(value)).length,
      },
      target: 0.5,
      bytes,
    },
    {
      name: "checkStorageKey (20 chars)",
      subject: () => checkStorageKey("ticket:1234567890_ab", "key"),
      baseline: { name: "one regex test", fn: () => keyPattern.test("ticket:1234567890_ab") },
      target: 0.3,
    },
    {
      name: "rateLimiter.schedule (budget left)",
      subject: () => limiter.schedule("get", call),
      baseline: { name: "the call alone", fn: call },
    },
  ],
};

export default suite;
