import { DeskHashError, HashVerificationError } from "@desk/hash";
import { describe, expect, it } from "vitest";
import {
  createInvokeClient,
  DeskApiError,
  DeskError,
  DomainNotWhitelistedError,
  InvalidConnectionError,
  InvalidHashError,
  InvalidSecurityContextError,
  type InvokeClientOptions,
  InvokePlaceholderError,
  InvokeValidationError,
  NetworkError,
  PayloadTooLargeError,
  RateLimitError,
  TargetError,
  TargetTimeoutError,
  TargetUnreachableError,
  TimeoutError,
} from "../src/index.js";
import { closedPortUrl, deskAnswer, reply, useDeskTestServer } from "./helpers.js";

const server = useDeskTestServer();

const SECRET = "s3cr3t-manifest-key";
const OLD_SECRET = "old-manifest-key";
const SECURITY_CONTEXT = "sc-9f8e7d6c5b4a";
const options = (more: Partial<InvokeClientOptions> = {}): InvokeClientOptions => ({
  secret: [SECRET, OLD_SECRET],
  orgId: "12345",
  securityContext: SECURITY_CONTEXT,
  baseUrl: server.url,
  retry: 0,
  ...more,
});

/** Desk refusing the call; its message echoes everything it got, to prove the client scrubs it. */
const refuse =
  (status: number, body: Record<string, string>, headers: Record<string, string> = {}) =>
  (
    request: { headers: Record<string, unknown>; form: Record<string, string> },
    response: Parameters<typeof reply>[0],
  ) =>
    reply(
      response,
      status,
      {
        ...body,
        message: `${body.message ?? "refused"} (hash ${request.headers.hash}, ctx ${request.form.securityContext}, key ${SECRET}/${OLD_SECRET})`,
      },
      headers,
    );

const DESK_ANSWERS: [string, number, Record<string, string>, (error: unknown) => boolean][] = [
  ["INVALID_HASH", 401, {}, (e) => InvalidHashError.isInstance(e)],
  ["INVALID_SECURITY_CONTEXT", 401, {}, (e) => InvalidSecurityContextError.isInstance(e)],
  ["DOMAIN_NOT_WHITELISTED", 403, {}, (e) => DomainNotWhitelistedError.isInstance(e)],
  ["INVALID_CONNECTION", 422, {}, (e) => InvalidConnectionError.isInstance(e)],
  ["RATE_LIMIT_EXCEEDED", 429, {}, (e) => RateLimitError.isInstance(e)],
  ["TARGET_UNREACHABLE", 502, {}, (e) => TargetUnreachableError.isInstance(e)],
  ["TARGET_TIMEOUT", 504, {}, (e) => TargetTimeoutError.isInstance(e)],
  ["PAYLOAD_TOO_LARGE", 413, {}, (e) => PayloadTooLargeError.isInstance(e)],
  ["SOMETHING_NEW", 500, {}, (e) => DeskApiError.isInstance(e) && !InvalidHashError.isInstance(e)],
];

describe("Desk's refusals map to typed errors (spec 1.3)", () => {
  for (const [errorCode, status, extra, is] of DESK_ANSWERS) {
    it(`${status} ${errorCode}`, async () => {
      server.use(refuse(status, { errorCode, ...extra }));
      const call = createInvokeClient(options()).invoke({ url: "https://a.example", method: "POST" });
      await expect(call).rejects.toSatisfy(is);
      await expect(call).rejects.toBeInstanceOf(DeskApiError);
      await expect(call).rejects.toSatisfy((error) => DeskError.isInstance(error));
      await expect(call).rejects.toMatchObject({
        status,
        errorCode,
        message: expect.stringMatching(/^@desk\/invoke-core: Desk answered .*\[redacted\]/),
      });
    });
  }

  it("422 UNPROCESSABLE_ENTITY -> InvokeValidationError with Desk's fieldName", async () => {
    server.use(
      refuse(422, { errorCode: "UNPROCESSABLE_ENTITY", fieldName: "queryParams", message: "bad JSON" }),
    );
    const call = createInvokeClient(options()).invoke({ url: "https://a.example", method: "GET" });
    await expect(call).rejects.toBeInstanceOf(InvokeValidationError);
    await expect(call).rejects.toMatchObject({
      field: "queryParams",
      status: 422,
      rule: expect.stringMatching(/^bad JSON/),
    });
  });

  it("422 INVALID_PLACEHOLDER -> InvokePlaceholderError with Desk's placeholder", async () => {
    server.use(
      refuse(422, { errorCode: "INVALID_PLACEHOLDER", placeholder: "{{nope}}", message: "unknown" }),
    );
    const call = createInvokeClient(options()).invoke({ url: "https://a.example", method: "GET" });
    await expect(call).rejects.toBeInstanceOf(InvokePlaceholderError);
    await expect(call).rejects.toMatchObject({
      placeholder: "{{nope}}",
      status: 422,
      rule: "INVALID_PLACEHOLDER",
    });
  });

  it("RateLimitError carries retryAfterSeconds from seconds or an HTTP date", async () => {
    server.use(
      refuse(429, { errorCode: "RATE_LIMIT_EXCEEDED" }, { "Retry-After": "17" }),
      refuse(
        429,
        { errorCode: "RATE_LIMIT_EXCEEDED" },
        { "Retry-After": new Date(Date.now() + 90_000).toUTCString() },
      ),
    );
    const client = createInvokeClient(options());
    const first = client.invoke({ url: "https://a.example", method: "POST" });
    await expect(first).rejects.toBeInstanceOf(RateLimitError);
    await expect(first).rejects.toMatchObject({ retryAfterSeconds: 17 });
    const second = client.invoke({ url: "https://a.example", method: "POST" });
    // An HTTP date has 1 s resolution: 89 or 90 seconds from now.
    await expect(second).rejects.toMatchObject({ retryAfterSeconds: expect.toBeOneOf([89, 90]) });
  });

  it("a non-JSON refusal (a proxy in between) is a DeskApiError without errorCode", async () => {
    server.use((_request, response) => {
      response.writeHead(503, { "content-type": "text/html" });
      response.end("<h1>Service Unavailable</h1>");
    });
    const call = createInvokeClient(options()).invoke({ url: "https://a.example", method: "POST" });
    await expect(call).rejects.toBeInstanceOf(DeskApiError);
    await expect(call).rejects.toMatchObject({ status: 503, errorCode: undefined });
  });

  it("throwOnTargetError turns a non-2xx target answer into TargetError, per client and per call", async () => {
    server.use((_request, response) => reply(response, 200, deskAnswer(404, { errorCode: "NOT_FOUND" })));
    const strict = createInvokeClient(options({ throwOnTargetError: true }));
    const call = strict.invoke({ url: "https://a.example", method: "GET" });
    await expect(call).rejects.toBeInstanceOf(TargetError);
    await expect(call).rejects.toMatchObject({
      status: 404,
      data: { errorCode: "NOT_FOUND" },
      text: '{"errorCode":"NOT_FOUND"}',
    });
    await expect(call).rejects.toHaveProperty("headers", { "content-type": "application/json" });
    const lenient = await strict.invoke({
      url: "https://a.example",
      method: "GET",
      throwOnTargetError: false,
    });
    expect(lenient.status).toBe(404);
    const perCall = createInvokeClient(options());
    await expect(
      perCall.invoke({ url: "https://a.example", method: "GET", throwOnTargetError: true }),
    ).rejects.toBeInstanceOf(TargetError);
  });
});

describe("isInstance", () => {
  it("works by brand, so it survives two copies of the package", () => {
    const foreign = {
      [Symbol.for("@desk/error")]: true,
      [Symbol.for("@desk/invoke-core/InvalidHashError")]: true,
    };
    expect(InvalidHashError.isInstance(foreign)).toBe(true);
    expect(DeskError.isInstance(foreign)).toBe(true);
    expect(RateLimitError.isInstance(foreign)).toBe(false);
    expect(InvalidHashError.isInstance(new Error("x"))).toBe(false);
    expect(DeskError.isInstance(null)).toBe(false);
    expect(DeskError.isInstance("@desk/error")).toBe(false);
  });

  it("keeps the subclass hierarchy and names after minification", () => {
    const error = new RateLimitError({ status: 429, errorCode: "RATE_LIMIT_EXCEEDED", retryAfterSeconds: 3 });
    expect(error.name).toBe("RateLimitError");
    expect(error).toBeInstanceOf(DeskApiError);
    expect(DeskApiError.isInstance(error)).toBe(true);
    expect(TimeoutError.isInstance(error)).toBe(false);
    expect(error.retryAfterSeconds).toBe(3);
  });

  it("DeskApiError's message has no trailing spaces and keeps Desk's detail (it printed 'Desk answered 503  ')", () => {
    expect(new DeskApiError({ status: 503 }).message).toBe("@desk/invoke-core: Desk answered 503");
    const error = new DeskApiError({ status: 503, errorCode: "BUSY", detail: "try later" });
    expect(error.message).toBe("@desk/invoke-core: Desk answered 503 BUSY: try later");
    expect([error.status, error.errorCode, error.detail]).toEqual([503, "BUSY", "try later"]);
    expect(Object.keys(error)).toEqual(["status", "errorCode", "detail"]);
  });

  it("DeskError.isInstance is true for the other @desk packages' errors", () => {
    expect(DeskError.isInstance(new HashVerificationError({ reason: "mismatch" }))).toBe(true);
    expect(DeskHashError.isInstance(new InvalidHashError({ status: 401 }))).toBe(false);
  });
});

/** Every string reachable from an error: message, stack, own fields (enumerable or not), cause, recursively. */
function strings(value: unknown, seen = new Set<unknown>()): string[] {
  if (typeof value === "string") return [value];
  if (value === null || typeof value !== "object" || seen.has(value)) return [];
  seen.add(value);
  const out: string[] = [];
  for (const key of Reflect.ownKeys(value)) {
    if (typeof key === "string") out.push(key);
    out.push(...strings((value as Record<PropertyKey, unknown>)[key], seen));
  }
  if (value instanceof Error) out.push(value.message, value.stack ?? "", ...strings(value.cause, seen));
  return out;
}

describe("no secret, HASH or securityContext in any error", () => {
  it("scans every error type this client throws", async () => {
    const hashes = new Set<string>();
    server.use((request, response) => {
      hashes.add(String(request.headers.hash));
      return refuse(401, { errorCode: "INVALID_HASH" })(request, response);
    });
    const errors: unknown[] = [];
    // Every call must reject with a DeskError; each one is kept for the scans below.
    const collect = (promise: Promise<unknown>) =>
      expect(promise).rejects.toSatisfy((error) => errors.push(error) > 0 && DeskError.isInstance(error));
    const client = createInvokeClient(options());
    const request = {
      url: "https://a.example/x",
      method: "GET" as const,
      headers: { Authorization: "Bearer x" },
    };
    for (const [errorCode, status] of DESK_ANSWERS) {
      server.use((req, res) => {
        hashes.add(String(req.headers.hash));
        refuse(status, { errorCode })(req, res);
      });
      await collect(client.invoke(request));
    }
    for (const [errorCode, extra] of [
      ["UNPROCESSABLE_ENTITY", { fieldName: "headers" }],
      ["INVALID_PLACEHOLDER", { placeholder: "{{x}}" }],
    ] as const) {
      server.use((req, res) => {
        hashes.add(String(req.headers.hash));
        refuse(422, { errorCode, ...extra })(req, res);
      });
      await collect(client.invoke(request));
    }
    server.use((req, res) => {
      hashes.add(String(req.headers.hash));
      reply(res, 200, "not json");
    });
    await collect(client.invoke(request));
    server.use((req, res) => {
      hashes.add(String(req.headers.hash));
      reply(res, 200, deskAnswer(500, { boom: true }));
    });
    await collect(client.invoke({ ...request, throwOnTargetError: true }));
    server.use((req) => hashes.add(String(req.headers.hash))); // never answers
    await collect(client.invoke({ ...request, timeout: 50 }));
    const down = createInvokeClient(options({ baseUrl: await closedPortUrl() }));
    await collect(down.invoke(request));
    await collect(client.invoke({ ...request, method: "TRACE" as "GET" }));
    await collect(client.invoke({ ...request, body: { k: "{{installationId}} {{cfg}}" }, method: "POST" }));
    let optionsError: unknown;
    try {
      createInvokeClient(options({ orgId: "not digits" }));
    } catch (error) {
      optionsError = error;
    }
    errors.push(optionsError);

    const kinds = new Set(errors.map((error) => (error as Error).name));
    expect([...kinds].sort()).toEqual(
      [
        "DeskApiError",
        "DomainNotWhitelistedError",
        "InvalidConnectionError",
        "InvalidHashError",
        "InvalidSecurityContextError",
        "InvokePlaceholderError",
        "InvokeValidationError",
        "NetworkError",
        "PayloadTooLargeError",
        "RateLimitError",
        "TargetError",
        "TargetTimeoutError",
        "TargetUnreachableError",
        "TimeoutError",
      ].sort(),
    );
    expect(hashes.size).toBeGreaterThan(0);
    const forbidden = [SECRET, OLD_SECRET, SECURITY_CONTEXT, ...hashes];
    for (const error of errors) {
      expect(DeskError.isInstance(error)).toBe(true);
      const text = strings(error).join("\n");
      for (const value of forbidden) expect(text, (error as Error).name).not.toContain(value);
    }
  });
});

describe("regression: a fetch error holding ky's request never leaks through NetworkError's cause", () => {
  it("keeps name, message, code and the cause chain, scrubbed; drops request and options", async () => {
    let hash = "";
    // A fetch wrapper that fails and attaches what it was given, like ky's own errors do (HASH header included).
    const leakyFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      const request = new Request(input, init);
      hash = request.headers.get("hash") ?? "";
      const error = new TypeError(`fetch failed (HASH ${hash}, ctx ${SECURITY_CONTEXT})`, {
        cause: Object.assign(new Error(`connect ECONNRESET with ${SECRET}`), { code: "ECONNRESET", request }),
      });
      throw Object.assign(error, { request, options: { headers: { HASH: hash } }, code: "UND_ERR" });
    };
    const call = createInvokeClient(options({ fetch: leakyFetch })).invoke({
      url: "https://a.example/x",
      method: "GET",
    });
    await expect(call).rejects.toBeInstanceOf(NetworkError);
    // It rejected (above); read the error itself to walk its cause chain.
    const error: unknown = await call.catch((caught: unknown) => caught);
    const cause = (error as NetworkError).cause as Error & Record<string, unknown>;
    expect([cause.name, cause.message, cause.code]).toEqual([
      "TypeError",
      "fetch failed (HASH [redacted], ctx [redacted])",
      "UND_ERR",
    ]);
    expect([cause.request, cause.options]).toEqual([undefined, undefined]);
    const inner = cause.cause as Error & Record<string, unknown>;
    expect([inner.message, inner.code, inner.request]).toEqual([
      "connect ECONNRESET with [redacted]",
      "ECONNRESET",
      undefined,
    ]);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const text = strings(error).join("\n");
    for (const value of [hash, SECRET, SECURITY_CONTEXT]) expect(text).not.toContain(value);
  });
});
