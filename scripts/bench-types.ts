/**
 * The shape of a benchmark file: `packages/<name>/bench/<topic>.bench.ts` default-exports a `BenchSuite`.
 * Every case with a `baseline` is measured against it in the same run and reported as a ratio
 * (subject ops/s ÷ baseline ops/s; above 1 means the subject is faster). Nothing here asserts a time.
 */
export interface BenchSuite {
  /** Package the suite belongs to, e.g. "@desk/hash". */
  package: string;
  /** One line saying what is measured. */
  title: string;
  /** Runs once before the cases (start servers, build inputs). */
  setup?: () => unknown | Promise<unknown>;
  /** Runs once after the cases, even when one throws (close servers). */
  teardown?: () => unknown | Promise<unknown>;
  cases: (BenchCase | SystemCase)[];
}

export interface BenchCase {
  /** e.g. "sign 4 KiB". */
  name: string;
  /** The code under test: one call is one operation (or `opsPerCall` operations). */
  subject: () => unknown | Promise<unknown>;
  /** What the subject is compared with, e.g. a bare `createHmac` on a prebuilt string. */
  baseline?: { name: string; fn: () => unknown | Promise<unknown> };
  /** Other reference points reported as ratios too, without a target. */
  references?: { name: string; fn: () => unknown | Promise<unknown> }[];
  /** The ratio the subject should reach against the baseline (e.g. 0.8). */
  target?: number;
  /** Input size in bytes, to report throughput and time per MiB. */
  bytes?: number;
  /** Operations one call performs (e.g. 32 requests in flight). Default 1. */
  opsPerCall?: number;
  /** Measuring time per round in ms (default 400); longer for slow cases. */
  timeMs?: number;
}

/**
 * A case that measures itself: a system under load in other processes (requests/s from a load generator, a
 * process's memory), where one call of a function is not one operation. `run` measures the subject and its
 * baseline in the same run (alternating them over `rounds` where it repeats) and answers both figures; the harness
 * reports their ratio like any other case's.
 */
export interface SystemCase {
  name: string;
  /** What the subject is compared with, e.g. "minimal node:http + fetch proxy". */
  baseline: string;
  run: (rounds: number) => Promise<SystemFigures>;
  /** Unit of both figures (default "ops/s"). */
  unit?: string;
  /** Smaller is better (memory): the ratio then meets `target` when at most `target`, not at least. */
  lowerIsBetter?: boolean;
  target?: number;
}

/** What a `SystemCase` measured. */
export interface SystemFigures {
  subject: number;
  baseline: number;
  /** The figures behind the two numbers, e.g. "p50/p99 1.2/4.0 ms vs 0.9/3.1 ms". */
  notes?: string;
}
