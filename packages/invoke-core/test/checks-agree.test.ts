// The main entry checks requests, client options and Desk's answers by hand (no zod on the hot path or in a
// browser bundle); `@desk/invoke-core/schemas` states the same rules in zod. This holds the two to the same
// verdict on a fixed-seed fuzz over the values near each rule's edge, and the hand check's field to one zod names
// (or to a member of a union zod names as a whole).
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { checkClientOptions } from "../src/check-client-options.js";
import { checkInvokeRequest } from "../src/check-invoke-request.js";
import { InvokeValidationError } from "../src/index.js";
import { parseInvokeResponse } from "../src/parse-invoke-response.js";
import { parseJson } from "../src/parse-json.js";
import {
  DeskErrorBodySchema,
  InvokeClientOptionsSchema,
  InvokeRequestSchema,
  InvokeResponseSchema,
  WrappedResponseSchema,
} from "../src/schemas.js";
import { errorBodyOf } from "../src/to-desk-error.js";

const RUNS = { numRuns: 3000, seed: 14 };

/** The hand check's verdict: undefined when it passes, else the field it names. */
function handField(check: (value: unknown) => void, value: unknown): string | undefined {
  try {
    check(value);
    return undefined;
  } catch (error) {
    if (!InvokeValidationError.isInstance(error)) throw error;
    return error.field;
  }
}

/** Every field zod names for `value` ("request" for the object itself), or undefined when it passes. */
function zodFields(schema: z.ZodType, value: unknown): string[] | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? undefined : parsed.error.issues.map((issue) => issue.path.join(".") || "request");
}

const verdicts = { passed: 0, refused: 0 };

function agree(check: (value: unknown) => void, schema: z.ZodType, value: unknown, top: string) {
  const field = handField(check, value);
  verdicts[field === undefined ? "passed" : "refused"]++;
  const fields = zodFields(schema, value)?.map((f) => (f === "request" ? top : f));
  expect(field === undefined, JSON.stringify(value)).toBe(fields === undefined);
  // Inside a union zod may name only the union (`retry`) where the hand check names the member (`retry.delay`).
  const named = fields?.some((f) => field === f || field?.startsWith(`${f}.`));
  if (field !== undefined) expect(named, `${JSON.stringify(value)}: ${field} vs ${fields}`).toBe(true);
}

const oneOf = (...values: unknown[]) => fc.constantFrom(...values);
const keys = (...names: string[]) => fc.constantFrom(...names);
// Mostly absent, so that a generated value often breaks no rule at all and both verdicts are exercised.
const maybe = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 5 }, { arbitrary: arb, weight: 1 });
const anyNumber = oneOf(0, 1, -1, 2.5, 3, 200, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60);
const scalar = fc.oneof(anyNumber, oneOf("", "a", "1", "\r\n", true, false, null, undefined), fc.string());
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), oneOf({}, { b: 1 }, [{}]));
const callOptions = {
  retry: maybe(
    fc.oneof(
      anyNumber,
      oneOf("2", null, [] as unknown[]),
      fc.record(
        {
          limit: anyNumber,
          methods: fc.oneof(fc.array(oneOf("GET", "get", "HEAD", 1), { maxLength: 3 }), oneOf("GET")),
          statusCodes: fc.oneof(fc.array(anyNumber, { maxLength: 3 }), oneOf(503)),
          maxRetryAfter: anyNumber,
          delay: oneOf(() => 1, 1),
          shouldRetry: oneOf(() => true, "yes"),
          tries: oneOf(1),
        },
        { requiredKeys: [] },
      ),
    ),
  ),
  throwOnTargetError: maybe(oneOf(true, false, 0, "true")),
  timeout: maybe(anyNumber),
  allowNearMisses: maybe(oneOf(true, 1)),
};
const headerName = keys("X-A", "orgId", "Content-Type", "Bad Name", "", "x:y", "ä", "123");
const request = fc.record(
  {
    url: fc.oneof(
      { arbitrary: oneOf("https://a.example/x", "{{jiraBaseUrl}}/issue"), weight: 6 },
      oneOf(
        "https://a.example/x",
        "http://127.0.0.1:8080/a?b=c",
        "{{jiraBaseUrl}}/rest/api/2/issue",
        "https://{{sub}}.example.com/{{installationId}}",
        "/api/v1/tickets",
        "ftp://files.example.com/x",
        "javascript:alert(1)",
        "https://a.example/x\ny",
        "HTTPS://A.EXAMPLE",
        "https:/x",
        "",
        42,
      ),
      fc.string({ maxLength: 12 }),
      fc.string({ maxLength: 12 }).map((s) => `https://a.example/${s}`),
    ),
    method: fc.oneof(
      { arbitrary: oneOf("GET", "POST", "PUT", "PATCH", "DELETE"), weight: 6 },
      oneOf("get", "HEAD", undefined),
    ),
    query: maybe(
      fc.oneof(fc.dictionary(keys("a", "b", "from"), value, { maxKeys: 3 }), oneOf([], "q", null)),
    ),
    headers: maybe(
      fc.oneof(fc.dictionary(headerName, value, { maxKeys: 3 }), oneOf([["X-A", "1"]], "h", null)),
    ),
    body: maybe(value),
    connection: maybe(oneOf("jira", 1, "")),
    signal: maybe(oneOf(new AbortController().signal, {})),
    data: maybe(oneOf(1)),
    ...callOptions,
  },
  { requiredKeys: ["url", "method"] },
);
const clientOptions = fc.record(
  {
    secret: fc.oneof(
      { arbitrary: oneOf("s3cret", ["new", "old"]), weight: 6 },
      oneOf("", 1, undefined),
      fc.array(oneOf("a", "", 2), { maxLength: 3 }),
    ),
    orgId: fc.oneof(
      { arbitrary: oneOf("12345", 42), weight: 6 },
      oneOf("12a", "", -1, 1.5, undefined, "007"),
    ),
    securityContext: fc.oneof({ arbitrary: oneOf("ctx"), weight: 6 }, oneOf("", 1, undefined)),
    dataCenter: maybe(oneOf("com", "eu", "com.au", "us", "", 1, "toString")),
    baseUrl: maybe(
      oneOf(
        "http://127.0.0.1:4000",
        "https://desk.example/",
        "ftp://127.0.0.1",
        "http:example.com",
        "https:/path",
        " http://padded.example ",
        "HTTP://UPPER.EXAMPLE",
        "localhost:4000",
        "",
        7,
      ),
    ),
    fetch: maybe(oneOf(() => undefined)),
    ...callOptions,
  },
  { requiredKeys: ["secret", "orgId", "securityContext"] },
);

describe("the hand-written checks agree with the zod schemas of ./schemas", () => {
  afterAll(() => {
    // The fuzz reached both sides of the rules, not only one.
    expect(verdicts.passed).toBeGreaterThan(300);
    expect(verdicts.refused).toBeGreaterThan(300);
  });

  it("InvokeRequest: same verdict, and a field zod names", () => {
    fc.assert(
      fc.property(request, (r) => agree(checkInvokeRequest, InvokeRequestSchema, r, "request")),
      RUNS,
    );
  });

  it("InvokeClientOptions: same verdict, and a field zod names", () => {
    fc.assert(
      fc.property(clientOptions, (o) => agree(checkClientOptions, InvokeClientOptionsSchema, o, "options")),
      RUNS,
    );
  });

  const json = fc.oneof(
    scalar.filter((v) => v !== undefined),
    fc.string().map((s) => JSON.stringify({ statusMessage: s, status: "true" })),
    fc.dictionary(
      keys("statusMessage", "status", "extra"),
      scalar.filter((v) => v !== undefined),
    ),
  );

  it("Desk's 200 answer: parseInvokeResponse refuses exactly what InvokeResponseSchema refuses", () => {
    const answer = fc.dictionary(
      keys("statusCode", "response", "responseHeaders", "other"),
      fc.oneof(json, oneOf({}, { "Content-Type": "text/plain" }, [], "200", "abc", "", "{}")),
    );
    fc.assert(
      fc.property(fc.oneof(answer, json), (outer) => {
        let refused = false;
        const text = JSON.stringify(outer);
        try {
          parseInvokeResponse(text);
        } catch {
          refused = true;
        }
        expect(refused, JSON.stringify(outer)).toBe(
          !InvokeResponseSchema.safeParse(JSON.parse(text)).success,
        );
      }),
      RUNS,
    );
  });

  it("the {statusMessage, status} wrapper is unwrapped exactly when WrappedResponseSchema accepts it", () => {
    const body = fc.dictionary(
      keys("statusMessage", "status", "extra"),
      scalar.filter((v) => v !== undefined),
    );
    fc.assert(
      fc.property(body, (generated) => {
        const target = JSON.parse(JSON.stringify(generated));
        const { data } = parseInvokeResponse(JSON.stringify({ statusCode: 200, response: target }));
        const message = (target as { statusMessage?: unknown }).statusMessage;
        const text = typeof message === "string" ? parseJson(message) : message;
        const unwrapped = text === undefined ? message : text;
        expect(data).toEqual(WrappedResponseSchema.safeParse(target).success ? unwrapped : target);
      }),
      RUNS,
    );
  });

  it("Desk's error body: read exactly when DeskErrorBodySchema accepts it", () => {
    const body = fc.oneof(
      fc.dictionary(keys("errorCode", "message", "fieldName", "placeholder", "other"), scalar),
      json,
    );
    fc.assert(
      fc.property(body, (b) => {
        expect(errorBodyOf(b) !== undefined, JSON.stringify(b)).toBe(
          DeskErrorBodySchema.safeParse(b).success,
        );
      }),
      RUNS,
    );
  });
});
