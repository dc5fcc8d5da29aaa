/**
 * Seconds to wait from a `Retry-After` value: delay-seconds or an HTTP date (a past date gives 0).
 * Undefined when absent or unreadable.
 *
 * @example
 * parseRetryAfter("120"); // 120
 * parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", Date.parse("Wed, 21 Oct 2015 07:27:00 GMT")); // 60
 */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  // Delay-seconds, else an HTTP date (rounded up); NaN when it is neither.
  const seconds = Number.isFinite(+value) ? +value : Math.ceil((Date.parse(value) - now) / 1000);
  return Number.isNaN(seconds) ? undefined : Math.max(0, seconds);
}
