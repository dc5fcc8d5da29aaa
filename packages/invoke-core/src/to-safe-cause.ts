/**
 * A copy of a runtime error that is safe to attach as `cause`: its name, message, stack and primitive fields
 * (`code`, `errno`, ...), scrubbed, down its `cause` chain. Objects hanging off it are dropped: ky's errors and
 * fetch wrappers carry the `request` (HASH header included) and `options`.
 *
 * @example
 * new NetworkError({ cause: toSafeCause(error, (text) => text.replaceAll(hash, "[redacted]")) });
 */
export function toSafeCause(error: unknown, scrub: (text: string) => string, depth = 4): unknown {
  if (!(error instanceof Object) || !depth) return undefined;
  const source = error as Record<string, unknown>;
  const copy = new Error("", { cause: toSafeCause(source.cause, scrub, depth - 1) }) as unknown as Record<
    string,
    unknown
  >;
  for (const key of ["name", "message", "stack", ...Object.keys(source)]) {
    const value = source[key];
    // Strings scrubbed, numbers and booleans kept, objects (request, options, the cause done above) never copied.
    if (value !== Object(value)) copy[key] = typeof value === "string" ? scrub(value) : value;
  }
  return copy;
}
