#!/usr/bin/env tsx
// Runs every package's benchmarks (packages/*/bench/*.bench.ts) with tinybench. Each case is measured in
// alternating rounds against its baseline in the same process, so machine load affects both sides alike;
// the median round decides. Writes bench/results.json and bench/results.md. Never asserts a time.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Bench } from "tinybench";
import type { BenchCase, BenchSuite, SystemCase } from "./bench-types.ts";

const root = fileURLToPath(new URL("../", import.meta.url));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const filter = process.argv[2];

interface Measured {
  package: string;
  case: string;
  opsPerSec: number;
  baseline?: { name: string; opsPerSec: number; ratio: number };
  references: { name: string; opsPerSec: number; ratio: number }[];
  target?: number;
  met?: boolean;
  msPerMiB?: number;
  mibPerSec?: number;
  /** Of a system case: its unit when not ops/s, the figures behind it, and whether the target is a ceiling. */
  unit?: string;
  notes?: string;
  lowerIsBetter?: boolean;
}

async function opsPerSecond(fn: () => unknown, timeMs: number, opsPerCall: number): Promise<number> {
  const bench = new Bench({ time: timeMs, warmupTime: Math.min(100, timeMs / 4), throws: true });
  bench.add("x", fn);
  await bench.run();
  const result = bench.tasks[0]?.result;
  if (result?.state !== "completed") throw new Error(`benchmark did not complete: ${result?.state}`);
  return (1000 / result.period) * opsPerCall;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

async function measure(suite: BenchSuite, c: BenchCase): Promise<Measured> {
  const timeMs = c.timeMs ?? 400;
  const ops = c.opsPerCall ?? 1;
  const sides = [
    { key: "subject", fn: c.subject },
    ...(c.baseline ? [{ key: "baseline", fn: c.baseline.fn }] : []),
    ...(c.references ?? []).map((r, i) => ({ key: `ref${i}`, fn: r.fn })),
  ];
  const samples = new Map<string, number[]>(sides.map((s) => [s.key, []]));
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate the order each round so neither side always runs on a warmer machine.
    const order = round % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) samples.get(side.key)!.push(await opsPerSecond(side.fn, timeMs, ops));
  }
  const subject = median(samples.get("subject")!);
  const out: Measured = { package: suite.package, case: c.name, opsPerSec: subject, references: [] };
  if (c.baseline) {
    const base = median(samples.get("baseline")!);
    out.baseline = { name: c.baseline.name, opsPerSec: base, ratio: subject / base };
    if (c.target !== undefined) {
      out.target = c.target;
      out.met = subject / base >= c.target;
    }
  }
  (c.references ?? []).forEach((r, i) => {
    const opsRef = median(samples.get(`ref${i}`)!);
    out.references.push({ name: r.name, opsPerSec: opsRef, ratio: subject / opsRef });
  });
  if (c.bytes) {
    const mib = c.bytes / (1024 * 1024);
    out.mibPerSec = subject * mib;
    out.msPerMiB = 1000 / out.mibPerSec;
  }
  return out;
}

async function measureSystem(suite: BenchSuite, c: SystemCase): Promise<Measured> {
  const { subject, baseline, notes } = await c.run(ROUNDS);
  const ratio = subject / baseline;
  return {
    package: suite.package,
    case: c.name,
    opsPerSec: subject,
    baseline: { name: c.baseline, opsPerSec: baseline, ratio },
    references: [],
    ...(c.target !== undefined && {
      target: c.target,
      met: c.lowerIsBetter ? ratio <= c.target : ratio >= c.target,
    }),
    ...(c.lowerIsBetter && { lowerIsBetter: true }),
    ...(c.unit !== undefined && { unit: c.unit }),
    ...(notes !== undefined && { notes }),
  };
}

const atMost = (m: Measured) => (m.lowerIsBetter ? "≤ " : "");

const fmt = (n: number) =>
  n >= 1000 ? Math.round(n).toLocaleString("en-US") : n >= 10 ? n.toFixed(1) : n.toPrecision(3);

async function main() {
  const files = readdirSync(`${root}packages`)
    .filter((name) => existsSync(`${root}packages/${name}/bench`))
    .flatMap((name) =>
      readdirSync(`${root}packages/${name}/bench`)
        .filter((f) => f.endsWith(".bench.ts"))
        .map((f) => `${root}packages/${name}/bench/${f}`),
    )
    .filter((f) => !filter || f.includes(filter));
  const results: Measured[] = [];
  for (const file of files) {
    const suite = (await import(pathToFileURL(file).href)).default as BenchSuite;
    console.log(`\n${suite.package}: ${suite.title}`);
    await suite.setup?.();
    try {
      for (const c of suite.cases) {
        const m = "run" in c ? await measureSystem(suite, c) : await measure(suite, c);
        results.push(m);
        const ratio = m.baseline ? ` ${m.baseline.ratio.toFixed(2)}x vs ${m.baseline.name}` : "";
        const target =
          m.target !== undefined ? ` (target ${atMost(m)}${m.target}x: ${m.met ? "met" : "MISSED"})` : "";
        const perMiB = m.msPerMiB !== undefined ? `, ${m.msPerMiB.toFixed(2)} ms/MiB` : "";
        const notes = m.notes !== undefined ? `; ${m.notes}` : "";
        console.log(
          `  ${c.name}: ${fmt(m.opsPerSec)} ${m.unit ?? "ops/s"}${ratio}${target}${perMiB}${notes}`,
        );
      }
    } finally {
      await suite.teardown?.();
    }
  }
  mkdirSync(`${root}bench`, { recursive: true });
  const meta = {
    date: new Date().toISOString(),
    node: process.version,
    rounds: ROUNDS,
    platform: process.platform,
  };
  // A filtered run replaces its own rows and keeps the others of the last full run (whose date it names).
  const previous = filter ? readPrevious() : undefined;
  const measured = previous ? mergeInto(previous.results, results) : results;
  const since = previous ? (previous.since ?? previous.date) : undefined;
  writeFileSync(
    `${root}bench/results.json`,
    `${JSON.stringify({ ...meta, ...(since && { since }), results: measured }, null, 2)}\n`,
  );
  const rows = measured.map((m) => {
    const refs = [
      ...m.references.map((r) => `${r.ratio.toFixed(2)}x vs ${r.name}`),
      ...(m.notes ? [m.notes] : []),
    ].join("; ");
    const unit = m.unit ? ` ${m.unit}` : "";
    return `| ${m.package} | ${m.case} | ${fmt(m.opsPerSec)}${unit} | ${m.baseline ? `${m.baseline.name} (${fmt(m.baseline.opsPerSec)}${unit})` : "-"} | ${m.baseline ? `**${m.baseline.ratio.toFixed(2)}x**` : "-"} | ${m.target !== undefined ? `${atMost(m)}${m.target}x ${m.met ? "✓" : "✗"}` : "-"} | ${m.msPerMiB !== undefined ? m.msPerMiB.toFixed(2) : "-"} | ${refs || "-"} |`;
  });
  const md = [
    "# Benchmark results",
    "",
    `Node ${meta.node} on ${meta.platform}, ${meta.date}${since ? ` (the rows of "${filter}"; the others from the run of ${since})` : ""}. Ratio = subject ops/s ÷ baseline ops/s in the same run (median of ${ROUNDS} alternating rounds); above 1 is faster.`,
    "",
    "| package | case | ops/s | baseline (ops/s) | ratio | target | ms/MiB | other references, notes |",
    "|---|---|---|---|---|---|---|---|",
    ...rows,
    "",
  ].join("\n");
  writeFileSync(`${root}bench/results.md`, md);
  console.log(
    `\nwrote bench/results.json and bench/results.md (${results.length} of ${measured.length} cases measured now)`,
  );
}

interface Previous {
  date: string;
  since?: string;
  results: Measured[];
}

function readPrevious(): Previous | undefined {
  const path = `${root}bench/results.json`;
  return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as Previous) : undefined;
}

/** The earlier rows, each replaced by its new measurement (same package and case); new cases at the end. */
function mergeInto(earlier: Measured[], now: Measured[]): Measured[] {
  const key = (m: Measured) => `${m.package}\u0000${m.case}`;
  const fresh = new Map(now.map((m) => [key(m), m]));
  const merged = earlier.map((m) => fresh.get(key(m)) ?? m);
  const seen = new Set(earlier.map(key));
  return [...merged, ...now.filter((m) => !seen.has(key(m)))];
}

await main();
