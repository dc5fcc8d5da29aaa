import { DASHBOARD_LIMITS } from "../constants.js";
import type { EmulatorContext } from "../context/emulator-context.js";
import type { InvokeEvent } from "../invoke/invoke-event.js";
import type { InvokeTrace } from "../invoke/invoke-trace.js";
import { scrubDeep, secretScrubber } from "./secret-scrubber.js";

/** One invoke call as the dashboard lists it. */
export interface InvocationSummary {
  id: number;
  /** ISO-8601, on the emulator's clock. */
  at: string;
  installationId: string | null;
  method: string | null;
  /** As signed: placeholders unsubstituted. */
  requestURL: string | null;
  /** HTTP status of the invoke answer. */
  status: number;
  /** The target's status when it was reached. */
  targetStatus: number | null;
  /** The invoke error code when the call itself was refused. */
  errorCode: string | null;
  durationMs: number;
}

/** One invoke call in full: the form as sent (no HASH, no securityContext) and the answer as received. */
export interface InvocationDetail extends InvocationSummary {
  request: Record<string, string>;
  response: { status: number; body: unknown };
}

function truncate(text: string): string {
  const limit = DASHBOARD_LIMITS.textChars;
  if (text.length <= limit) return text;
  return `${text.slice(0, limit)}… (${text.length - limit} more characters not kept)`;
}

/** Deep copy with every string scrubbed, then cut to the text limit (scrubbed first, so no secret is half-cut). */
function clean(value: unknown, scrub: (text: string) => string): unknown {
  return scrubDeep(value, (text) => truncate(scrub(text)));
}

/**
 * The last DASHBOARD_LIMITS.invocations invoke calls, in memory, newest first; secrets scrubbed when recorded.
 * Listeners hear each new call (the dashboard's live stream).
 */
export class InvocationHistory {
  readonly #context: EmulatorContext;
  readonly #items: InvocationDetail[] = [];
  readonly #listeners = new Set<(summary: InvocationSummary) => void>();
  #nextId = 1;

  constructor(context: EmulatorContext) {
    this.#context = context;
  }

  record(event: InvokeEvent, trace: InvokeTrace): void {
    const scrub = secretScrubber(this.#context, event.installationId);
    const detail: InvocationDetail = {
      id: this.#nextId++,
      at: new Date(this.#context.now()).toISOString(),
      installationId: event.installationId ?? null,
      method: event.requestType ?? null,
      requestURL: event.requestURL === undefined ? null : truncate(scrub(event.requestURL)),
      status: event.status,
      targetStatus: event.targetStatus ?? null,
      errorCode: event.errorCode ?? null,
      durationMs: event.durationMs,
      request: clean({ ...trace.fields }, scrub) as Record<string, string>,
      response: { status: event.status, body: clean(trace.answer, scrub) },
    };
    this.#items.push(detail);
    if (this.#items.length > DASHBOARD_LIMITS.invocations) this.#items.shift();
    const summary = summaryOf(detail);
    for (const listener of this.#listeners) listener(summary);
  }

  /** Newest first; `before` (an id) pages back. */
  list(before: number | undefined, limit: number): { data: InvocationSummary[]; hasMore: boolean } {
    const older = before === undefined ? this.#items : this.#items.filter((item) => item.id < before);
    const data = older.slice(-limit).reverse().map(summaryOf);
    return { data, hasMore: older.length > limit };
  }

  get(id: number): InvocationDetail | undefined {
    return this.#items.find((item) => item.id === id);
  }

  /** Calls `listener` with every call recorded from now on; answers the unsubscribe function. */
  subscribe(listener: (summary: InvocationSummary) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

function summaryOf(detail: InvocationDetail): InvocationSummary {
  const { request: _request, response: _response, ...summary } = detail;
  return summary;
}
