// A cold `import("@desk/sdk")` against a cold `import("ky")`: each sample is a fresh node process that times its
// own dynamic import with performance.now(), so node's start-up is outside the figure and the loader's resolving,
// reading, compiling and evaluating of every module the import pulls in is inside. The sides alternate process by
// process; the figure of each is the median of its samples. Imports the BUILT packages (`pnpm bench` builds first).
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import type { BenchSuite, SystemCase } from "../../../scripts/bench-types.js";

// ky and zod as @desk/invoke-core resolves them; the @desk packages as their built entries.
const fromInvokeCore = createRequire(new URL("../../invoke-core/package.json", import.meta.url));
const built = (path: string) => new URL(path, import.meta.url).href;
const TARGETS = {
  sdk: built("../dist/index.js"),
  ky: pathToFileURL(fromInvokeCore.resolve("ky")).href,
  invokeCore: built("../../invoke-core/dist/index.js"),
  extensionData: built("../../extension-data/dist/index.js"),
  zod: pathToFileURL(fromInvokeCore.resolve("zod")).href,
};
type Target = keyof typeof TARGETS;

/** ms a fresh process spends in `await import(target)`. */
function coldImport(target: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(target)}); process.stdout.write(String(performance.now() - t));`;
  return Number(execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" }));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

const coldImportCase: SystemCase = {
  name: 'cold import("@desk/sdk")',
  baseline: 'cold import("ky")',
  unit: "ms",
  lowerIsBetter: true,
  target: 1.3,
  async run(rounds) {
    const samples = Object.fromEntries(Object.keys(TARGETS).map((name) => [name, [] as number[]])) as Record<
      Target,
      number[]
    >;
    // Four processes a side per round, alternating: a busy moment hits every side alike.
    for (let i = 0; i < rounds * 4; i++) {
      for (const name of Object.keys(TARGETS) as Target[]) samples[name].push(coldImport(TARGETS[name]));
    }
    const ms = (name: Target) => median(samples[name]).toFixed(1);
    return {
      subject: median(samples.sdk),
      baseline: median(samples.ky),
      notes: `medians of ${rounds * 4} processes a side: @desk/invoke-core ${ms("invokeCore")} ms (ky inside), @desk/extension-data ${ms("extensionData")} ms, zod alone ${ms("zod")} ms`,
    };
  },
};

const suite: BenchSuite = {
  package: "@desk/sdk",
  title: "cold import() in a fresh node process, timed inside it, against a cold import() of ky",
  cases: [coldImportCase],
};

export default suite;
