import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "./parse-retry-after.js";

describe("parseRetryAfter", () => {
  const now = Date.parse("Wed, 21 Oct 2015 07:27:00 GMT");

  it("reads delay-seconds", () => {
    expect(parseRetryAfter("120", now)).toBe(120);
    expect(parseRetryAfter("0", now)).toBe(0);
  });

  it("reads an HTTP date relative to now, rounding up, a past date giving 0", () => {
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", now)).toBe(60);
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:27:00 GMT", now + 500)).toBe(0);
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:27:01 GMT", now + 500)).toBe(1);
  });

  it("answers undefined for absent or unreadable values", () => {
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter("")).toBeUndefined();
    expect(parseRetryAfter("soon")).toBeUndefined();
  });
});
