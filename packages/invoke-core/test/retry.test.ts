import { describe, expect, it } from "vitest";
import {
  createInvokeClient,
  DeskApiError,
  type InvokeClientOptions,
  type InvokeMethod,
  NetworkError,
  RateLimitError,
  type RetryState,
  TargetUnreachableError,
  TimeoutError,
} from "../src/index.js";
import { closedPortUrl, deskAnswer, type Handler, reply, useDeskTestServer } from "./helpers.js";

const server = useDeskTestServer();

// Tiny backoff so nothing waits long; Retry-After handling is observed through shouldRetry's `delay`.
const options = (more: Partial<InvokeClientOptions> = {}): InvokeClientOptions => ({
  secret: "s3cr3t",
  orgId: 1,
  securityContext: "ctx",
  baseUrl: server.url,
  retry: { delay: () => 1 },
  ...more,
});
const url = "https://api.example.com/x";

const outer =
  (status: number, errorCode: string, headers: Record<string, string> = {}): Handler =>
  (_request, response) =>
    reply(response, status, { errorCode, message: "busy" }, headers);
const inner =
  (statusCode: number, headers: Record<string, string> = {}): Handler =>
  (_request, response) =>
    reply(response, 200, deskAnswer(statusCode, { statusCode }, headers));
const ok = inner(200);

describe("what is retried by default", () => {
  for (const method of ["GET", "PUT", "DELETE"] as const) {
    it(`${method}: Desk's 503 and the target's 502 are retried`, async () => {
      server.use(outer(503, "SERVICE_UNAVAILABLE"), inner(502), ok);
      const result = await createInvokeClient(options()).invoke({ url, method });
      expect(result.status).toBe(200);
      expect(server.requests).toHaveLength(3);
    });
  }

  for (const method of ["POST", "PATCH"] as const) {
    it(`${method}: never retried unless opted in`, async () => {
      server.use(outer(503, "SERVICE_UNAVAILABLE"), ok);
      await expect(createInvokeClient(options()).invoke({ url, method })).rejects.toBeInstanceOf(
        DeskApiError,
      );
      expect(server.requests).toHaveLength(1);
      server.reset();
      server.use(inner(429), ok);
      expect((await createInvokeClient(options()).invoke({ url, method })).status).toBe(429);
      expect(server.requests).toHaveLength(1);
    });
  }

  it("POST is retried when the caller opts in with methods", async () => {
    server.use(outer(502, "TARGET_UNREACHABLE"), inner(504), ok);
    const client = createInvokeClient(options({ retry: { delay: () => 1, methods: ["POST"] } }));
    expect((await client.invoke({ url, method: "POST" })).status).toBe(200);
    expect(server.requests).toHaveLength(3);
  });

  it("each of 429, 502, 503, 504 is retried, at either level; 500 and 404 are not", async () => {
    const client = createInvokeClient(options());
    for (const status of [429, 502, 503, 504]) {
      server.reset();
      server.use(outer(status, "X"), ok);
      expect((await client.invoke({ url, method: "GET" })).ok).toBe(true);
      server.reset();
      server.use(inner(status), ok);
      expect((await client.invoke({ url, method: "GET" })).ok).toBe(true);
      expect(server.requests).toHaveLength(2);
    }
    for (const status of [500, 404]) {
      server.reset();
      server.use(inner(status), ok);
      expect((await client.invoke({ url, method: "GET" })).status).toBe(status);
      expect(server.requests).toHaveLength(1);
    }
  });

  it("Desk's refusals that are not transient are never retried", async () => {
    server.use(outer(401, "INVALID_HASH"), ok);
    await expect(createInvokeClient(options()).invoke({ url, method: "GET" })).rejects.toBeInstanceOf(
      DeskApiError,
    );
    expect(server.requests).toHaveLength(1);
  });

  it("network errors are retried for GET, not for POST", async () => {
    let attempts = 0;
    const down = options({
      baseUrl: await closedPortUrl(),
      fetch: (input, init) => {
        attempts++;
        return fetch(input, init);
      },
    });
    await expect(createInvokeClient(down).invoke({ url, method: "GET" })).rejects.toBeInstanceOf(
      NetworkError,
    );
    expect(attempts).toBe(3);
    attempts = 0;
    await expect(createInvokeClient(down).invoke({ url, method: "POST" })).rejects.toBeInstanceOf(
      NetworkError,
    );
    expect(attempts).toBe(1);
  });
});

describe("limits", () => {
  it("stops after `limit` retries and throws the last error", async () => {
    server.use(outer(502, "TARGET_UNREACHABLE"));
    await expect(createInvokeClient(options()).invoke({ url, method: "GET" })).rejects.toBeInstanceOf(
      TargetUnreachableError,
    );
    expect(server.requests).toHaveLength(3);
  });

  it("hands back the last target answer when retries of an inner status run out", async () => {
    server.use(inner(503));
    const result = await createInvokeClient(options()).invoke({
      url,
      method: "GET",
      retry: { limit: 1, delay: () => 1 },
    });
    expect(result.status).toBe(503);
    expect(server.requests).toHaveLength(2);
  });

  it("retry: 0 (per call) and a number (per client) set the limit", async () => {
    server.use(outer(503, "X"));
    await expect(
      createInvokeClient(options()).invoke({ url, method: "GET", retry: 0 }),
    ).rejects.toBeInstanceOf(DeskApiError);
    expect(server.requests).toHaveLength(1);
    server.reset();
    server.use(outer(503, "X"));
    await expect(
      createInvokeClient(options({ retry: 4 })).invoke({ url, method: "GET", retry: { delay: () => 1 } }),
    ).rejects.toBeInstanceOf(DeskApiError);
    expect(server.requests).toHaveLength(5);
  });

  it("does not start a wait that would end after the total timeout", async () => {
    server.use(outer(503, "X"));
    const client = createInvokeClient(options({ retry: { delay: () => 60_000 }, timeout: 5_000 }));
    await expect(client.invoke({ url, method: "GET" })).rejects.toBeInstanceOf(DeskApiError);
    expect(server.requests).toHaveLength(1);
  });

  it("the total timeout spans attempts: a hanging second attempt ends in TimeoutError", async () => {
    server.use(outer(503, "X"), () => {}); // the second request never gets an answer
    // Long enough that the first answer (503) always arrives in time on a busy machine.
    const call = createInvokeClient(options({ timeout: 2_000 })).invoke({ url, method: "GET" });
    await expect(call).rejects.toBeInstanceOf(TimeoutError);
    await expect(call).rejects.toMatchObject({ timeout: 2_000 });
    expect(server.requests).toHaveLength(2);
  });
});

describe("Retry-After", () => {
  it("is honoured from Desk's 429 and from the target's headers, in ms", async () => {
    const states: RetryState[] = [];
    const shouldRetry = (state: RetryState) => {
      states.push(state);
      return undefined;
    };
    server.use(
      outer(429, "RATE_LIMIT_EXCEEDED", { "Retry-After": "0" }),
      inner(429, { "Retry-After": "0" }),
      inner(503, { "Retry-After": "7" }),
    );
    const client = createInvokeClient(options({ retry: { limit: 2, delay: () => 1, shouldRetry } }));
    const result = await client.invoke({ url, method: "GET" });
    expect(result.status).toBe(503);
    expect(states.map(({ attempt, delay }) => [attempt, delay])).toEqual([
      [1, 0],
      [2, 0],
    ]);
    expect(RateLimitError.isInstance(states[0]!.error)).toBe(true);
    expect(states[1]!.result?.status).toBe(429);
    expect(server.requests).toHaveLength(3);
  });

  it("a longer Retry-After is cut to maxRetryAfter", async () => {
    const delays: number[] = [];
    server.use(inner(429, { "Retry-After": "120" }), ok);
    const retry = { maxRetryAfter: 5, shouldRetry: ({ delay }: RetryState) => void delays.push(delay) };
    await createInvokeClient(options({ retry })).invoke({ url, method: "GET" });
    expect(delays).toEqual([5]);
    expect(server.requests).toHaveLength(2);
  });

  it("reports a Retry-After it will not wait for through shouldRetry, which can decline", async () => {
    server.use(inner(429, { "Retry-After": "3" }), ok);
    const seen: RetryState[] = [];
    const result = await createInvokeClient(options()).invoke({
      url,
      method: "GET",
      retry: { shouldRetry: (state) => seen.push(state) < 0 },
    });
    expect(result.status).toBe(429);
    expect(seen.map(({ delay, method }) => [delay, method])).toEqual([[3000, "GET"]]);
    expect(server.requests).toHaveLength(1);
  });
});

describe("shouldRetry", () => {
  it("can force a retry the defaults would not make, within the limit", async () => {
    server.use(inner(500));
    const attempts: number[] = [];
    const result = await createInvokeClient(options()).invoke({
      url,
      method: "POST",
      retry: { limit: 3, delay: () => 1, shouldRetry: ({ attempt }) => attempts.push(attempt) > 0 },
    });
    expect(result.status).toBe(500);
    expect(attempts).toEqual([1, 2, 3]);
    expect(server.requests).toHaveLength(4);
  });

  it("can refuse a retry the defaults would make, and is not asked about successes", async () => {
    server.use(inner(503), ok);
    let asked = 0;
    const retry = { shouldRetry: async () => ++asked < 0 };
    expect((await createInvokeClient(options({ retry })).invoke({ url, method: "GET" })).status).toBe(503);
    expect(asked).toBe(1);
    server.reset();
    await createInvokeClient(options({ retry })).invoke({ url, method: "GET" });
    expect(asked).toBe(1);
  });

  it("sees the target method, not the invoke call's POST", async () => {
    const methods: InvokeMethod[] = [];
    server.use(inner(503), ok);
    await createInvokeClient(options()).invoke({
      url,
      method: "DELETE",
      retry: { delay: () => 1, shouldRetry: ({ method }) => void methods.push(method) },
    });
    expect(methods).toEqual(["DELETE"]);
  });
});

describe("abort", () => {
  it("a signal aborted before the call rejects with its reason and sends nothing", async () => {
    const reason = new Error("changed my mind");
    await expect(
      createInvokeClient(options()).invoke({ url, method: "GET", signal: AbortSignal.abort(reason) }),
    ).rejects.toBe(reason);
    expect(server.requests).toHaveLength(0);
  });

  it("aborting an attempt in flight rejects with the reason", async () => {
    const controller = new AbortController();
    const reason = new Error("user left");
    server.use(() => controller.abort(reason)); // aborts once Desk has the request, which never gets an answer
    await expect(
      createInvokeClient(options()).invoke({ url, method: "GET", signal: controller.signal }),
    ).rejects.toBe(reason);
    expect(server.requests).toHaveLength(1);
  });

  it("aborting during the wait between attempts rejects at once", async () => {
    const controller = new AbortController();
    const reason = new Error("stop waiting");
    server.use(inner(503));
    await expect(
      createInvokeClient(options()).invoke({
        url,
        method: "GET",
        signal: controller.signal,
        timeout: 120_000,
        // A 60 s wait that must not be waited: the abort lands once the wait has begun.
        retry: { delay: () => 60_000, shouldRetry: () => void setImmediate(() => controller.abort(reason)) },
      }),
    ).rejects.toBe(reason);
    expect(server.requests).toHaveLength(1);
  });

  it("aborting inside shouldRetry stops before the wait", async () => {
    const controller = new AbortController();
    const reason = new Error("enough");
    server.use(inner(503));
    await expect(
      createInvokeClient(options()).invoke({
        url,
        method: "GET",
        signal: controller.signal,
        timeout: 120_000,
        retry: { delay: () => 60_000, shouldRetry: () => void controller.abort(reason) },
      }),
    ).rejects.toBe(reason);
  });
});
