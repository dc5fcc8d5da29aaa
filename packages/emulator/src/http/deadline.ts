/** An abort signal that fires a TimeoutError after `ms`, and the means to stop its timer once the call is over. */
export interface Deadline {
  signal: AbortSignal;
  /** Stops the timer: nothing of a finished call is left pending (AbortSignal.timeout keeps its timer to the end). */
  clear(): void;
}

/** Starts a deadline of `ms` milliseconds; its reason is a `DOMException` named "TimeoutError", as AbortSignal.timeout's. */
export function startDeadline(ms: number): Deadline {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException(`timed out after ${ms} ms`, "TimeoutError")),
    ms,
  );
  return { signal: controller.signal, clear: () => clearTimeout(timer) };
}
