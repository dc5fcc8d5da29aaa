import { type ResolveContext, resolvePlaceholders } from "@desk/placeholders";
import type { BenchCase, BenchSuite } from "../../../scripts/bench-types.ts";

const KiB = 1024;
const MiB = 1024 * KiB;

const context: ResolveContext = {
  installationId: "68a2b1f0-4c1d-4e8f-9a3b-0f1e2d3c4b5a",
  config: { jiraAuthKey: "k3y-0123456789abcdef" },
  resources: {
    fields: { trackerKey: { id: "4000000012345", apiName: "cf_tracker_key" } },
  },
};
const values: Record<string, string> = {
  installationId: context.installationId,
  "fields.trackerKey.id": "4000000012345",
  "fields.trackerKey.apiName": "cf_tracker_key",
};
// The naive baseline: one regex replace with a lookup, no location rules, no JSON escaping, no checks.
const naive = (text: string) =>
  text.replace(/\{\{([^{}]+)\}\}/g, (token, key: string) => values[key] ?? token);

const tokens = ["{{installationId}}", "{{fields.trackerKey.id}}", "{{fields.trackerKey.apiName}}"];

/**
 * A realistic postBody of about `bytes`: a JSON array of ticket records whose string values hold `count`
 * placeholders, evenly spread. postBody is the costliest location: the resolver follows JSON string literals there.
 */
function jsonBody(bytes: number, count: number): string {
  const gap = count ? bytes / count : Number.POSITIVE_INFINITY;
  const records: string[] = [];
  let size = 2;
  let placed = 0;
  for (let i = 0; size < bytes || placed < count; i++) {
    let note = `Ticket ${i} escalated by agent ${i % 7}`;
    while (placed < count && placed * gap <= size) note += ` ref ${tokens[placed++ % tokens.length]}`;
    const record = `{"id":${i},"subject":"Printer on floor ${i % 9} is jammed","note":"${note}","tags":["a","b"]}`;
    records.push(record);
    size += record.length + 1;
  }
  return `[${records.join(",")}]`;
}

const resolveCase = (name: string, text: string, timeMs?: number): BenchCase => ({
  name,
  subject: () => resolvePlaceholders(text, "postBody", context),
  baseline: { name: "naive regex replace", fn: () => naive(text) },
  target: 1.2,
  bytes: text.length,
  ...(timeMs ? { timeMs } : {}),
});

// Adversarial inputs: time per MiB should stay flat from 1 to 8 MiB (linear), never grow with the size.
const adversarial = (name: string, unit: string, mib: number): BenchCase => {
  const text = Array.from({ length: Math.ceil((mib * MiB) / unit.length) }, () => unit)
    .join("")
    .slice(0, mib * MiB);
  return {
    name: `${name}, ${mib} MiB`,
    subject: () => resolvePlaceholders(text, "postBody", context),
    bytes: text.length,
    timeMs: 600,
  };
};

const countOf = (text: string) => text.split("{{").length - 1;
// Adversarial texts are built flat (join, not repeat) so the bench measures the scan, not rope flattening.
const cases = [
  ["4 KiB, 10 placeholders", jsonBody(4 * KiB, 10)],
  ["4 KiB, 100 placeholders", jsonBody(4 * KiB, 100)],
  ["1 MiB, 1,000 placeholders", jsonBody(MiB, 1000)],
  ["1 MiB, 10,000 placeholders", jsonBody(MiB, 10_000)],
  ["1 MiB, no placeholder", jsonBody(MiB, 0)],
] as const;
for (const [name, text] of cases) {
  const expected = Number(name.match(/([\d,]+) placeholders/)?.[1]?.replace(",", "") ?? 0);
  if (countOf(text) !== expected) throw new Error(`bench input "${name}" has ${countOf(text)} placeholders`);
  // Both sides must do the same job: with plain values, the naive replace gives the exact same text.
  if (resolvePlaceholders(text, "postBody", context) !== naive(text))
    throw new Error(`"${name}": outputs differ`);
}

const suite: BenchSuite = {
  package: "@desk/placeholders",
  title: "resolvePlaceholders on postBody JSON vs a naive regex replace; adversarial inputs in ms/MiB",
  cases: [
    ...cases.map(([name, text]) => resolveCase(name, text, text.length > KiB * 64 ? 800 : undefined)),
    adversarial("run of {{{{{{", "{{{{{{", 1),
    adversarial("run of {{{{{{", "{{{{{{", 8),
    adversarial("unclosed {{a ", "{{a ", 1),
    adversarial("unclosed {{a ", "{{a ", 8),
    adversarial("{{ then a far }}", "{{ x ", 1),
    adversarial("{{ then a far }}", "{{ x ", 8),
  ],
};

export default suite;
