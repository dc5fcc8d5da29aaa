import type { Context } from "hono";
import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { DASHBOARD_LIMITS, STORAGE_LIMITS } from "../constants.js";
import type { EmulatorContext } from "../context/emulator-context.js";
import { EmulatorRequestError } from "../errors/emulator-request-error.js";
import type { InstallationService } from "../installations/installation-service.js";
import { listLogs } from "../installations/list-logs.js";
import type { ChangeFeed } from "./change-feed.js";
import { extensionView, installationViews, withExpiry } from "./dashboard-views.js";
import type { InvocationHistory } from "./invocation-history.js";
import { scrubDeep, secretScrubber } from "./secret-scrubber.js";

const HEARTBEAT_MS = 15_000;

function refuse(field: string, rule: string): never {
  throw new EmulatorRequestError({
    status: 422,
    errorCode: "UNPROCESSABLE_ENTITY",
    message: `${field} ${rule}`,
    field,
  });
}

function intQuery(c: Context, name: string, min: number, max: number, fallback?: number): number | undefined {
  const text = c.req.query(name);
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max)
    refuse(name, `must be an integer from ${min} to ${max}`);
  return value;
}

function keyQuery(c: Context, name: string): string | undefined {
  const text = c.req.query(name);
  if (text === undefined || text === "") return undefined;
  if (text.length > STORAGE_LIMITS.keyMaxLength || !STORAGE_LIMITS.keyPattern.test(text))
    refuse(name, `must be 1 to ${STORAGE_LIMITS.keyMaxLength} of A-Z a-z 0-9 , _ :`);
  return text;
}

async function jsonObject(c: Context): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  try {
    const value: unknown = text.trim() === "" ? {} : JSON.parse(text);
    if (typeof value === "object" && value !== null && !Array.isArray(value))
      return value as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new EmulatorRequestError({
    status: 400,
    errorCode: "INVALID_JSON",
    message: "the request body must be a JSON object",
  });
}

/**
 * The dashboard's JSON and its live stream, under `/_emulator/dashboard/`. Nothing here answers a secret, a HASH,
 * a securityContext or a secure value: installs answer without the securityContext, config is masked, and
 * invocations were scrubbed when recorded.
 */
export function dashboardApi(
  context: EmulatorContext,
  service: InstallationService,
  history: InvocationHistory,
  changes: ChangeFeed,
): Hono {
  const app = new Hono();
  app.get("/extension", (c) => c.json({ data: extensionView(context) }));

  app.get("/installations", (c) => c.json({ data: installationViews(context) }));

  app.post("/installations", async (c) => {
    const body = await jsonObject(c);
    const orgId = body["orgId"];
    if (orgId !== undefined && typeof orgId !== "string") refuse("orgId", "must be a string");
    const { securityContext: _hidden, ...installed } = await service.install({
      orgId: orgId === "" ? undefined : orgId,
      config: body["config"] as Record<string, string> | undefined,
      permissions: body["permissions"] as Record<string, boolean> | undefined,
    });
    return c.json({ data: installed }, 201);
  });

  app.get("/invocations", (c) => {
    const before = intQuery(c, "before", 1, Number.MAX_SAFE_INTEGER);
    const limit = intQuery(c, "limit", 1, DASHBOARD_LIMITS.invocations, 100) ?? 100;
    return c.json(history.list(before, limit));
  });

  app.get("/invocations/:id", (c) => {
    const item = history.get(Number(c.req.param("id")));
    if (!item) {
      throw new EmulatorRequestError({
        status: 404,
        errorCode: "INVOCATION_NOT_FOUND",
        message: `invocation ${c.req.param("id")} is not (or no longer) in the history`,
      });
    }
    return c.json({ data: item });
  });

  app.get("/storage", (c) => {
    const installationId = c.req.query("installationId") ?? refuse("installationId", "is required");
    service.require(installationId);
    const filter = {
      prefix: keyQuery(c, "prefix"),
      queriableValue: keyQuery(c, "queriableValue"),
      after: keyQuery(c, "after"),
    };
    const limit =
      intQuery(c, "limit", 1, 100, DASHBOARD_LIMITS.storagePageSize) ?? DASHBOARD_LIMITS.storagePageSize;
    const rows = context.stores.storage.browse(installationId, filter, limit + 1);
    const page = rows.slice(0, limit);
    const total = context.stores.storage.countUpTo(installationId, filter, DASHBOARD_LIMITS.storageCountCap);
    // Stored values are the extension's data, but a secret it stored is still never shown.
    const scrub = secretScrubber(context, installationId);
    return c.json({
      data: page.map((row) => ({
        key: row.key,
        queriableValue: row.queriableValue,
        value: scrubDeep(JSON.parse(row.value) as unknown, scrub),
      })),
      next: rows.length > limit ? (page.at(-1)?.key ?? null) : null,
      total: Math.min(total, DASHBOARD_LIMITS.storageCountCap),
      totalIsCapped: total > DASHBOARD_LIMITS.storageCountCap,
      pageSize: limit,
    });
  });

  app.get("/logs", (c) => {
    const installationId = c.req.query("installationId") || undefined;
    const scrubbers = new Map<string, (text: string) => string>();
    const scrubberOf = (id: string) => {
      const known = scrubbers.get(id);
      if (known !== undefined) return known;
      const scrub = secretScrubber(context, id);
      scrubbers.set(id, scrub);
      return scrub;
    };
    const data = listLogs(context, installationId, 100).map((parent) =>
      scrubDeep(
        { ...withExpiry(parent), subLogs: parent.subLogs.map(withExpiry) },
        scrubberOf(parent.installationId),
      ),
    );
    return c.json({ data });
  });

  app.get("/callbacks", (c) => {
    const limit = intQuery(c, "limit", 1, 500, 100) ?? 100;
    const data = context.stores.callbacks
      .recent(limit)
      .map(({ seq, installationId, outcome }) => ({ seq, installationId, ...outcome }));
    return c.json({ data });
  });

  app.post("/callbacks/:seq/resend", async (c) => {
    await jsonObject(c);
    const seq = Number(c.req.param("seq"));
    const sent = Number.isInteger(seq) ? context.stores.callbacks.get(seq) : undefined;
    if (!sent)
      throw new EmulatorRequestError({
        status: 404,
        errorCode: "CALLBACK_NOT_FOUND",
        message: `callback ${c.req.param("seq")} does not exist`,
      });
    // Sent again as the emulator sends that event: a fresh body with the installation's securityContext.
    return c.json({ data: await service.trigger(sent.outcome.event, sent.installationId) });
  });

  app.get("/events", (c) =>
    streamSSE(c, async (stream) => {
      const send = (event: string, data: unknown) =>
        stream.writeSSE({ event, data: JSON.stringify(data) }).catch(() => undefined);
      const stopInvocations = history.subscribe((summary) => void send("invocation", summary));
      const stopChanges = changes.subscribe(() => void send("changed", {}));
      const heartbeat = setInterval(
        () => void stream.write(": heartbeat\n\n").catch(() => undefined),
        HEARTBEAT_MS,
      );
      heartbeat.unref();
      await send("ready", {});
      await new Promise<void>((resolve) => stream.onAbort(resolve));
      clearInterval(heartbeat);
      stopInvocations();
      stopChanges();
    }),
  );

  return app;
}
