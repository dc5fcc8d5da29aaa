import { timingSafeEqual } from "node:crypto";
import { json } from "../json-response.js";

/**
 * An issue in the stand-in tracker.
 *
 * @example
 * const issue: TrackerIssue = { key: "ESC-1", project: "ESC", title: "Cannot log in", description: "", links: [] };
 */
export interface TrackerIssue {
  key: string;
  project: string;
  title: string;
  description: string;
  /** Links added to the issue (e.g. back to the Desk ticket). */
  links: { url: string; title: string }[];
}

/**
 * One request the tracker answered, as recorded for tests and the demo: never the token itself, only which
 * credential was presented (`"apiToken"`, `"connection"`, or `null` for none or a wrong one).
 *
 * @example
 * const seen: TrackerRequest = { method: "POST", path: "/rest/projects/ESC/issues", credential: "apiToken", status: 201 };
 */
export interface TrackerRequest {
  method: string;
  path: string;
  credential: "apiToken" | "connection" | null;
  status: number;
}

/**
 * The two credentials the tracker accepts.
 *
 * @example
 * const options: StandInTrackerOptions = { apiToken: "trk_live_1", connectionToken: "1000.oauth.2" };
 */
export interface StandInTrackerOptions {
  /** Accepted as `Authorization: Bearer <apiToken>` (what `Bearer {{trackerToken}}` becomes in Desk). */
  apiToken: string;
  /** Accepted as `Authorization: Zoho-oauthtoken <connectionToken>` (what Desk injects for a connection). */
  connectionToken: string;
}

/**
 * The stand-in tracker: its web handler and what it holds.
 *
 * @example
 * const tracker: StandInTracker = createStandInTracker({ apiToken, connectionToken });
 */
export interface StandInTracker {
  handler(request: Request): Promise<Response>;
  /** Issues in creation order. */
  issues(): TrackerIssue[];
  /** Every request answered, in order. */
  requests(): TrackerRequest[];
}

const PROJECT = /^[A-Z][A-Z0-9]{1,9}$/;
const MAX_BODY_BYTES = 64 * 1024;

function sameText(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function text(value: unknown, max: number): string | undefined {
  return typeof value === "string" && value.length <= max ? value : undefined;
}

/**
 * A small issue tracker that stands in for Jira, Linear or GitHub Issues, so the sample's third-party calls have
 * a real HTTP server to reach, offline. Every route checks the `Authorization` header, so a missing or wrong
 * `{{trackerToken}}` placeholder, or a connection Desk did not apply, is a 401 the extension sees.
 *
 * Routes:
 * - `POST /rest/projects/:project/issues` `{ title, description? }` -> 201 `{ key, url, ... }`; an
 *   `Idempotency-Key` header already seen answers 200 with the issue it created, and creates nothing.
 * - `GET  /rest/issues/:key`
 * - `POST /rest/issues/:key/links` `{ url, title }` -> 201
 *
 * @example
 * const tracker = createStandInTracker({ apiToken: "trk_1", connectionToken: "1000.oauth.1" });
 * const response = await tracker.handler(new Request("http://tracker/rest/issues/ESC-1"));
 * console.log(response.status); // 401: no token
 */
export function createStandInTracker(options: StandInTrackerOptions): StandInTracker {
  const issues = new Map<string, TrackerIssue>();
  const byIdempotencyKey = new Map<string, string>();
  const counters = new Map<string, number>();
  const requests: TrackerRequest[] = [];

  function credentialOf(request: Request): TrackerRequest["credential"] {
    const header = request.headers.get("authorization") ?? "";
    const [scheme, token = ""] = header.split(" ", 2);
    if (scheme === "Bearer" && sameText(token, options.apiToken)) return "apiToken";
    if (scheme === "Zoho-oauthtoken" && sameText(token, options.connectionToken)) return "connection";
    return null;
  }

  async function readBody(request: Request): Promise<Record<string, unknown> | undefined> {
    const raw = await request.text();
    if (raw.length > MAX_BODY_BYTES) return undefined;
    try {
      const value: unknown = JSON.parse(raw);
      return value !== null && typeof value === "object" && !Array.isArray(value)
        ? (value as Record<string, unknown>)
        : undefined;
    } catch {
      return undefined;
    }
  }

  async function route(request: Request, url: URL): Promise<Response> {
    const create = /^\/rest\/projects\/([^/]+)\/issues$/.exec(url.pathname);
    if (create && request.method === "POST") {
      const project = decodeURIComponent(create[1] ?? "");
      if (!PROJECT.test(project))
        return json(404, { error: "no_such_project", message: `project ${JSON.stringify(project)}` });
      const idempotencyKey = request.headers.get("idempotency-key");
      const earlier = idempotencyKey ? byIdempotencyKey.get(`${project}\u0000${idempotencyKey}`) : undefined;
      if (earlier !== undefined) return json(200, issueJson(url, issues.get(earlier)!));
      const body = await readBody(request);
      const title = text(body?.["title"], 255);
      const description = body?.["description"] === undefined ? "" : text(body["description"], 10_000);
      if (!title || description === undefined)
        return json(400, {
          error: "invalid_issue",
          message: "title must be 1 to 255 characters, description at most 10000",
        });
      const number = (counters.get(project) ?? 0) + 1;
      counters.set(project, number);
      const issue: TrackerIssue = { key: `${project}-${number}`, project, title, description, links: [] };
      issues.set(issue.key, issue);
      if (idempotencyKey) byIdempotencyKey.set(`${project}\u0000${idempotencyKey}`, issue.key);
      return json(201, issueJson(url, issue));
    }

    const one = /^\/rest\/issues\/([^/]+)(\/links)?$/.exec(url.pathname);
    const issue = one ? issues.get(decodeURIComponent(one[1] ?? "")) : undefined;
    if (one && !issue) return json(404, { error: "no_such_issue" });
    if (one && issue && !one[2] && request.method === "GET") return json(200, issueJson(url, issue));
    if (one && issue && one[2] && request.method === "POST") {
      const body = await readBody(request);
      const linkUrl = text(body?.["url"], 2_000);
      const linkTitle = text(body?.["title"], 255);
      if (!linkUrl || !linkTitle)
        return json(400, { error: "invalid_link", message: "url and title are required strings" });
      issue.links.push({ url: linkUrl, title: linkTitle });
      return json(201, { issue: issue.key, url: linkUrl, title: linkTitle });
    }
    return json(404, { error: "not_found" });
  }

  return {
    async handler(request) {
      const url = new URL(request.url);
      const credential = credentialOf(request);
      const response =
        credential === null
          ? json(401, {
              error: "unauthorized",
              message: "a valid bearer token or connection token is required",
            })
          : await route(request, url);
      requests.push({ method: request.method, path: url.pathname, credential, status: response.status });
      return response;
    },
    issues: () => [...issues.values()].map((issue) => ({ ...issue, links: [...issue.links] })),
    requests: () => [...requests],
  };
}

function issueJson(url: URL, issue: TrackerIssue) {
  return { ...issue, url: `${url.origin}/browse/${issue.key}` };
}
