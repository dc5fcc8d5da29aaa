import type { DataCenter } from "./data-centers.js";

/**
 * The target methods Desk's `requestType` accepts.
 *
 * @example
 * const method: InvokeMethod = "PATCH";
 */
export type InvokeMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * A `query` value: numbers and booleans go as JSON, arrays as repeated keys, null is left out (spec 3).
 *
 * @example
 * const query: Record<string, InvokeQueryValue> = { from: 0, tags: ["a", "b"], draft: false };
 */
export type InvokeQueryValue = string | number | boolean | null | readonly (string | number | boolean)[];

/**
 * What one attempt produced, handed to `RetryOptions.shouldRetry`.
 *
 * @example
 * const shouldRetry = ({ attempt, result }: RetryState) => result?.status === 409 && attempt < 2;
 */
export interface RetryState {
  /** 1 for the first retry. */
  attempt: number;
  /** The target method. */
  method: InvokeMethod;
  /** The error of the attempt (a `DeskError`), or undefined when the target answered. */
  error: unknown;
  /** The target's answer, when there was one. */
  result: InvokeResult | undefined;
  /** Milliseconds the client would wait before the retry (Retry-After or backoff). */
  delay: number;
}

/**
 * When and how often to retry. A number is `{ limit }`.
 *
 * @example
 * const retry: RetryOptions = { limit: 4, methods: ["GET", "POST"], delay: (attempt) => attempt * 500 };
 */
export interface RetryOptions {
  /** Retries after the first attempt. Default 2. */
  limit?: number;
  /** Target methods retried by default. Default GET, PUT, DELETE (never POST or PATCH: not idempotent). */
  methods?: readonly InvokeMethod[];
  /** Statuses retried, of the invoke call or of the target. Default 429, 502, 503, 504. */
  statusCodes?: readonly number[];
  /** Longest wait taken from a `Retry-After`, in ms; a longer one is cut to this. Default 60 000. */
  maxRetryAfter?: number;
  /** Backoff in ms before retry `attempt` (1-based) when no Retry-After. Default 300 · 2^(attempt-1), at most 10 s. */
  delay?: (attempt: number) => number;
  /** Decides instead of `methods`/`statusCodes` when it returns a boolean; `limit` and `timeout` still hold. */
  shouldRetry?: (state: RetryState) => boolean | undefined | Promise<boolean | undefined>;
}

/**
 * One call Desk should make for the extension.
 *
 * @example
 * const request: InvokeRequest = { url: "https://api.example.com/issues", method: "POST", body: { title: "x" } };
 */
export interface InvokeRequest {
  /** Absolute http(s) URL; may hold placeholders such as `{{installationId}}`. */
  url: string;
  method: InvokeMethod;
  /** Becomes `queryParams` (JSON object text, `{}` included); Desk appends the entries to the URL's query. */
  query?: Readonly<Record<string, InvokeQueryValue>>;
  /**
   * Becomes `headers` (JSON object text; left out without entries). Values are strings or numbers: Desk's own
   * sample sends `{"orgId":376723}`.
   */
  headers?: Readonly<Record<string, string | number>>;
  /** A string goes as is; anything else as JSON text with `Content-Type: application/json`. */
  body?: unknown;
  /** A connection's link name from the manifest: Desk adds its OAuth token. */
  connection?: string;
  signal?: AbortSignal;
  retry?: RetryOptions | number;
  throwOnTargetError?: boolean;
  /** Total ms for all attempts. */
  timeout?: number;
  /** Send text that only resembles a placeholder (Desk sends it literally) instead of throwing. */
  allowNearMisses?: boolean;
}

/**
 * What the target answered, whatever its status.
 *
 * @example
 * const { status, ok, data }: InvokeResult<{ id: string }> = await client.invoke({ url, method: "GET" });
 */
export interface InvokeResult<T = unknown> {
  /** The target's HTTP status. */
  status: number;
  /** True for 2xx. */
  ok: boolean;
  /** The body parsed as JSON when it is JSON, else the text. */
  data: T;
  /** The body as text (re-serialised when Desk handed it over already parsed). */
  text: string;
  /** The target's headers, names in lower case. */
  headers: Record<string, string>;
}

/**
 * Options of `createInvokeClient`: one client per installation.
 *
 * @example
 * const options: InvokeClientOptions = { secret, orgId: "12345", securityContext, dataCenter: "eu" };
 */
export interface InvokeClientOptions {
  /** The manifest secret; several for rotation (signs with the first). */
  secret: string | readonly string[];
  orgId: string | number;
  /** The installation's securityContext from the install callback. */
  securityContext: string;
  /** Desk's data centre. Default "com". */
  dataCenter?: DataCenter;
  /** Where the invoke call is POSTed instead of the data centre (e.g. the emulator's URL). */
  baseUrl?: string;
  /** Total ms for all attempts of one call. Default 30 000. */
  timeout?: number;
  retry?: RetryOptions | number;
  /** Throw `TargetError` for a non-2xx target status. Default false. */
  throwOnTargetError?: boolean;
  allowNearMisses?: boolean;
  /**
   * A fetch to use (tests, edge runtimes, a proxy agent): called once per attempt with the signed invoke call.
   * Wrap the global one to observe or decorate attempts; it is the only transport option (no ky type is public).
   */
  fetch?: typeof fetch;
}

/**
 * A client bound to one installation.
 *
 * @example
 * const client: InvokeClient = createInvokeClient(options);
 * await client.invoke({ url: `${client.deskOrigin}/api/v1/tickets`, method: "GET", headers: { orgId: client.orgId } });
 */
export interface InvokeClient {
  /** Desk's origin for the data centre, e.g. "https://desk.zoho.com": build Desk and extension-data URLs on it. */
  readonly deskOrigin: string;
  readonly orgId: string;
  invoke<T = unknown>(request: InvokeRequest): Promise<InvokeResult<T>>;
}
