import type { CallbackOutcome, DeskDataCounts } from "../emulator-types.js";
import { CliError } from "./cli-error.js";

/** An installation as `GET /_emulator/installations` lists it (no securityContext). */
export interface InstallationSummary {
  installationId: string;
  orgId: string;
  installedAt: string;
}

/** The answer to an install: the only place the securityContext is ever shown. */
export interface InstallResult {
  installationId: string;
  orgId: string;
  securityContext: string;
  callbacks: CallbackOutcome[];
}

/** A log entry; parents carry their sub logs. */
export interface LogEntry {
  logId: string;
  title: string;
  description: string;
  logTime: string;
  installationId: string;
  subLogs?: LogEntry[];
}

/** Typed calls to the emulator's `/_emulator` admin API. */
export interface AdminClient {
  installations(): Promise<{ data: InstallationSummary[] }>;
  install(body: {
    orgId?: string;
    config?: Record<string, string>;
    permissions?: Record<string, boolean>;
  }): Promise<InstallResult>;
  uninstall(installationId: string): Promise<{ installationId: string; callbacks: CallbackOutcome[] }>;
  setConfig(
    installationId: string,
    values: Record<string, string>,
  ): Promise<{ data: { name: string; value: string }[]; callbacks?: CallbackOutcome[] }>;
  setPermissions(
    installationId: string,
    states: Record<string, boolean>,
  ): Promise<{ data: { apiName: string; isEnabled: boolean }[] }>;
  trigger(installationId: string, event: string, payload?: object | string): Promise<CallbackOutcome>;
  logs(query: { installationId?: string; limit?: number }): Promise<{ data: LogEntry[] }>;
  resetData(orgId: string): Promise<{ orgId: string; counts: DeskDataCounts }>;
}

/**
 * A client for a running emulator's admin API. Connection failures become exit code 3, error answers exit code 1
 * with the emulator's `errorCode` and message.
 *
 * @example
 * const admin = createAdminClient("http://127.0.0.1:4100", { token: process.env.DESK_EMULATOR_ADMIN_TOKEN });
 * const { installationId } = await admin.install({ orgId: "12345" });
 */
export function createAdminClient(
  baseUrl: string,
  options: { token?: string | undefined } = {},
): AdminClient {
  const base = baseUrl.replace(/\/+$/, "");
  const auth: Record<string, string> =
    options.token === undefined || options.token === "" ? {} : { authorization: `Bearer ${options.token}` };

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const url = `${base}/_emulator${path}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: body === undefined ? auth : { ...auth, "content-type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        redirect: "manual",
      });
    } catch (error) {
      throw unreachable(base, describeNetworkError(error), error);
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text === "" ? {} : JSON.parse(text);
    } catch {
      // Something answered, but not with the admin API's JSON: another server holds the port.
      throw unreachable(base, `HTTP ${response.status} with a non-JSON body from ${method} ${path}`);
    }
    if (!response.ok) {
      const { errorCode, message } = (parsed ?? {}) as { errorCode?: unknown; message?: unknown };
      const code = typeof errorCode === "string" ? errorCode : `HTTP_${response.status}`;
      const detail = typeof message === "string" ? message : `HTTP ${response.status}`;
      throw new CliError({ message: `${code}: ${detail}`, exitCode: 1, errorCode: code });
    }
    return parsed as T;
  }

  const installation = (id: string) => `/installations/${encodeURIComponent(id)}`;
  return {
    installations: () => call("GET", "/installations"),
    install: (body) => call("POST", "/installations", body),
    uninstall: (id) => call("DELETE", installation(id)),
    setConfig: (id, values) => call("PUT", `${installation(id)}/config`, { values }),
    setPermissions: (id, states) => call("PUT", `${installation(id)}/permissions`, { states }),
    trigger: (id, event, payload) =>
      call("POST", `${installation(id)}/trigger`, payload === undefined ? { event } : { event, payload }),
    logs: ({ installationId, limit }) => {
      const query = new URLSearchParams();
      if (installationId !== undefined) query.set("installationId", installationId);
      if (limit !== undefined) query.set("limit", String(limit));
      const search = query.size > 0 ? `?${query}` : "";
      return call("GET", `/logs${search}`);
    },
    resetData: (orgId) => call("POST", `/orgs/${encodeURIComponent(orgId)}/reset-data`, {}),
  };
}

function unreachable(base: string, reason: string, cause?: unknown): CliError {
  return new CliError({
    message:
      `no emulator reachable at ${base} (${reason}).\n` +
      "Start one with `desk-emulator start`, or point at it with --url or DESK_EMULATOR_URL.",
    exitCode: 3,
    errorCode: "EMULATOR_UNREACHABLE",
    cause,
  });
}

function describeNetworkError(error: unknown): string {
  // undici wraps the system error (ECONNREFUSED, ENOTFOUND, ...) in `cause`.
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  if (typeof cause?.code === "string") return cause.code;
  if (typeof cause?.message === "string") return cause.message;
  return error instanceof Error ? error.message : String(error);
}
