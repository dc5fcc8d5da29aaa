import autocannon from "autocannon";

/** One request autocannon replays (method, path, headers, body). */
export type LoadRequest = autocannon.Request;

/** What one load run measured. */
export interface LoadFigures {
  /** Requests answered per second (all 2xx, or the run throws). */
  perSecond: number;
  /** Median and 99th percentile latency in ms, from every response (µs resolution, unlike autocannon's ms). */
  p50: number;
  p99: number;
  answered: number;
}

const percentile = (sorted: Float64Array, p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;

/**
 * Sends `amount` requests (cycling through `requests`) over `connections` keep-alive connections to `url` and
 * answers requests/s and latency percentiles. Throws unless every request got a 2xx answer: a benchmark of
 * failures would measure nothing.
 */
export async function load(
  url: string,
  requests: LoadRequest[],
  connections: number,
  amount: number,
): Promise<LoadFigures> {
  const latencies = new Float64Array(amount);
  let count = 0;
  let last = 0;
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    // sampleInt: autocannon ends a run at its next sample tick after the last answer (1 s by default).
    const run = autocannon(
      { url, connections, amount, requests, timeout: 30, sampleInt: 100 },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    // autocannon 8 emits (client, statusCode, bytes, ms); @types/autocannon leaves out the client.
    (run as NodeJS.EventEmitter).on(
      "response",
      (_client: unknown, _status: number, _bytes: number, ms: number) => {
        if (count < amount) latencies[count++] = ms;
        last = performance.now();
      },
    );
  });
  // From the start to the last answer, not to the end of the run (the tick after it).
  const seconds = (last - started) / 1000;
  if (result.errors || result.timeouts || result.non2xx || result["2xx"] !== amount) {
    throw new Error(
      `load on ${url}: ${result["2xx"]} of ${amount} answered 2xx (${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx)`,
    );
  }
  const sorted = latencies.subarray(0, count).sort();
  return {
    perSecond: amount / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    answered: amount,
  };
}
