import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchSuite, SystemCase } from "../../../scripts/bench-types.js";
import { fixtureManifest, fixtureResources } from "../test/helpers/fixture.js";
import { signedInvokePool } from "../test/helpers/signed-invoke-pool.js";
import { type Child, startChild } from "./helpers/child.js";
import { type LoadRequest, load } from "./helpers/load.js";

// The invoke proxy as a system: the built emulator in a child process (the one the load test uses), a loopback
// upstream in another, and autocannon in this one sending signed invokes. The baseline is a minimal node:http proxy
// (helpers/baseline-proxy.mjs) in a process of its own, forwarding the same forms to the same upstream with fetch;
// the two are loaded in alternating rounds. The emulator runs every check of an invoke (form, HASH,
// securityContext, installation, placeholders, whitelist, own host, answer limits); only its rate limits are off,
// since Desk's 600 invokes a minute would refuse a load run. Amount-bounded: the same work on any machine.
const emulatorChild = fileURLToPath(new URL("../test/helpers/emulator-child.mjs", import.meta.url));
const helper = (name: string) => fileURLToPath(new URL(`./helpers/${name}`, import.meta.url));

/** Requests per round and side, by connections: about 2 s each on a busy 2-core machine. */
const AMOUNT: Record<number, number> = { 1: 1_000, 32: 4_000 };
/** The first invokes, which also warm up both proxies; RSS is read after them and after TOTAL. */
const FIRST = 1_000;
const TOTAL = 100_000;
/** Distinct pre-signed forms, cycled through by every connection. */
const POOL = 256;

let folder: string;
let upstream: Child | undefined;
let emulator: Child | undefined;
let baseline: Child | undefined;
let requests: LoadRequest[] = [];
/** Requests answered so far, per side: every one of them must have reached the upstream. */
const sent = { emulator: 0, baseline: 0 };
let memoryAfterFirst: NodeJS.MemoryUsage;

/** One load run on one side, with the CPU time its proxy process spent per request (load-independent, unlike req/s). */
async function loadOn(side: keyof typeof sent, connections: number, amount: number) {
  const child = side === "emulator" ? emulator! : baseline!;
  const cpu = async () => {
    const usage = await child.ask<NodeJS.CpuUsage>("cpu", "cpu");
    return usage.user + usage.system;
  };
  const before = await cpu();
  const figures = await load(child.url, requests, connections, amount);
  const cpuMicros = (await cpu()) - before;
  sent[side] += amount;
  return { ...figures, cpuPerRequest: cpuMicros / amount };
}
type Run = Awaited<ReturnType<typeof loadOn>>;
/** The emulator child's memory after a full garbage collection there. */
const memory = () => emulator!.ask<NodeJS.MemoryUsage>("memory", "memory");

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => value.toFixed(value < 10 ? 2 : 1);
const mb = (bytes: number) => bytes / 1_048_576;

function proxyCase(connections: number): SystemCase {
  const amount = AMOUNT[connections]!;
  return {
    name: `signed invoke forwarded to a loopback upstream, ${connections} connection${connections > 1 ? "s" : ""} (req/s)`,
    baseline: "minimal node:http + fetch proxy",
    target: 1,
    async run(rounds) {
      const mine: Run[] = [];
      const theirs: Run[] = [];
      for (let round = 0; round < rounds; round++) {
        // Alternating which goes first, so neither always runs on a warmer (or busier) machine.
        if (round % 2 === 0) {
          mine.push(await loadOn("emulator", connections, amount));
          theirs.push(await loadOn("baseline", connections, amount));
        } else {
          theirs.push(await loadOn("baseline", connections, amount));
          mine.push(await loadOn("emulator", connections, amount));
        }
      }
      const of = (runs: Run[], key: keyof Run) => median(runs.map((run) => run[key]));
      return {
        subject: of(mine, "perSecond"),
        baseline: of(theirs, "perSecond"),
        notes: `p50/p99 ${ms(of(mine, "p50"))}/${ms(of(mine, "p99"))} ms vs ${ms(of(theirs, "p50"))}/${ms(of(theirs, "p99"))} ms; CPU per request ${Math.round(of(mine, "cpuPerRequest"))} vs ${Math.round(of(theirs, "cpuPerRequest"))} µs (${rounds} rounds of ${amount.toLocaleString("en-US")} requests a side)`,
      };
    },
  };
}

const rssCase: SystemCase = {
  name: `emulator RSS after ${TOTAL.toLocaleString("en-US")} invokes (MB)`,
  baseline: `RSS after ${FIRST.toLocaleString("en-US")}`,
  unit: "MB",
  // No target: after 1k the process has not reached its working size yet (V8's heap and the allocator grow with
  // load, then stay); whether memory levels off shows in the readings at 50k and 100k, and the heap after a GC.
  lowerIsBetter: true,
  async run() {
    const started = performance.now();
    const readings = [{ at: FIRST, memory: memoryAfterFirst }];
    for (const checkpoint of [TOTAL / 2, TOTAL]) {
      while (sent.emulator < checkpoint)
        await loadOn("emulator", 32, Math.min(10_000, checkpoint - sent.emulator));
      readings.push({ at: checkpoint, memory: await memory() });
    }
    const seconds = (performance.now() - started) / 1000;
    const reached = await upstream!.ask<number>("count", "count");
    if (reached !== sent.emulator + sent.baseline) {
      throw new Error(
        `${sent.emulator + sent.baseline} invokes answered, but ${reached} reached the upstream`,
      );
    }
    const series = (key: "rss" | "heapUsed") =>
      readings.map(({ memory: reading }) => mb(reading[key]).toFixed(1)).join(" / ");
    const points = readings.map(({ at }) => `${at / 1000}k`).join(" / ");
    const [, half, last] = readings.map(({ memory: reading }) => reading.rss);
    return {
      subject: mb(last!),
      baseline: mb(memoryAfterFirst.rss),
      notes: `lower is better; after ${points} invokes, RSS ${series("rss")} MB (${(last! / half!).toFixed(2)}x from 50k to 100k), heap used ${series("heapUsed")} MB, each after a full GC; every invoke reached the upstream; ${Math.round(seconds)} s for the invokes after the rounds above, at 32 connections`,
    };
  },
};

/** The invoke proxy under load from this process: throughput and latency against a baseline, then its memory. */
const suite: BenchSuite = {
  package: "@desk/emulator",
  title: "invoke proxy under load (autocannon), emulator and baseline in child processes",
  async setup() {
    folder = mkdtempSync(join(tmpdir(), "desk-emulator-bench-"));
    upstream = await startChild(helper("upstream.mjs"));
    const options = {
      manifest: fixtureManifest({ whiteListedDomains: ["https://desk.zoho.com", upstream.url] }),
      resources: fixtureResources(),
      port: 0,
      db: join(folder, "desk.db"),
      rateLimits: false,
    };
    emulator = await startChild(emulatorChild, [JSON.stringify(options)], ["--expose-gc"]);
    baseline = await startChild(helper("baseline-proxy.mjs"));
    requests = await signedInvokePool(emulator.url, upstream.url, POOL);
    await loadOn("emulator", 32, FIRST);
    memoryAfterFirst = await memory();
    await loadOn("baseline", 32, FIRST);
  },
  async teardown() {
    await Promise.all([emulator?.close(), baseline?.close(), upstream?.close()]);
    rmSync(folder, { recursive: true, force: true });
  },
  cases: [proxyCase(1), proxyCase(32), rssCase],
};

export default suite;
