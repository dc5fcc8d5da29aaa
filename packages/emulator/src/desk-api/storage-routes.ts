import type { Context } from "hono";
import { Hono } from "hono";
import { STORAGE_LIMITS } from "../constants.js";
import type { StorageMatch, StorageRow } from "../store/storage-store.js";
import type { DeskEnv } from "./desk-env.js";
import { deskError, invalidField, rateLimited, readJson } from "./desk-error.js";
import { checkKeyLike, checkPaging, checkStorageObject } from "./storage-validation.js";

type StorageContext = Context<DeskEnv>;

function output(row: StorageRow) {
  return { key: row.key, queriableValue: row.queriableValue, value: JSON.parse(row.value) as unknown };
}

/** Storage must be switched on in the manifest [doc]; answers the refusal or undefined. */
function refuseDisabled(c: StorageContext): Response | undefined {
  if (c.env.context.manifest.storage === true) return undefined;
  return deskError(
    c,
    403,
    "STORAGE_NOT_ENABLED",
    'storage is not enabled for this extension: add "storage": true to plugin-manifest.json',
  );
}

/** Key and/or queriableValue from the query; one of them is required for get and delete [doc]. */
function matchOf(c: StorageContext): StorageMatch | Response {
  const key = c.req.query("key");
  const queriableValue = c.req.query("queriableValue");
  if (key === undefined && queriableValue === undefined) {
    return invalidField(c, "key", "key or queriableValue is required");
  }
  for (const [name, value] of [
    ["key", key],
    ["queriableValue", queriableValue],
  ] as const) {
    const issue = value === undefined ? undefined : checkKeyLike(name, value);
    if (issue) return invalidField(c, issue.fieldName, issue.message);
  }
  return { key, queriableValue };
}

/** `/api/v1/installedExtensions/:installationId/storage`: add, get, delete (spec 2.1). */
export function storageRoutes(): Hono<DeskEnv> {
  const app = new Hono<DeskEnv>();

  app.post("/", async (c) => {
    const refused = refuseDisabled(c);
    if (refused) return refused;
    const wait = c.env.context.rateLimiter.take(c.env.caller.installationId, "add");
    if (wait > 0) return rateLimited(c, wait, "add");
    const body = await readJson(c);
    if (!body.ok)
      return invalidField(c, "body", "the body must be JSON: a storage object or an array of them");
    const many = Array.isArray(body.value);
    const items: unknown[] = many ? (body.value as unknown[]) : [body.value];
    if (items.length === 0) return invalidField(c, "body", "the array must hold at least one storage object");
    if (items.length > STORAGE_LIMITS.maxBatch) {
      return invalidField(
        c,
        "body",
        `at most ${STORAGE_LIMITS.maxBatch} objects per add call (got ${items.length})`,
      );
    }
    const rows: StorageRow[] = [];
    for (const [index, item] of items.entries()) {
      const checked = checkStorageObject(item, many ? `item ${index}: ` : "");
      if ("fieldName" in checked) return invalidField(c, checked.fieldName, checked.message);
      rows.push(checked);
    }
    c.env.context.stores.storage.upsert(c.env.caller.installationId, rows);
    return many ? c.json({ data: rows.map(output) }) : c.json(output(rows[0]!));
  });

  app.get("/", (c) => {
    const refused = refuseDisabled(c);
    if (refused) return refused;
    const wait = c.env.context.rateLimiter.take(c.env.caller.installationId, "get");
    if (wait > 0) return rateLimited(c, wait, "get");
    const match = matchOf(c);
    if (match instanceof Response) return match;
    const paging = checkPaging(c.req.query("from"), c.req.query("limit"));
    if ("fieldName" in paging) return invalidField(c, paging.fieldName, paging.message);
    const rows = c.env.context.stores.storage.find(
      c.env.caller.installationId,
      match,
      paging.from,
      paging.limit,
    );
    return c.json({ data: rows.map(output) });
  });

  app.delete("/", (c) => {
    const refused = refuseDisabled(c);
    if (refused) return refused;
    const wait = c.env.context.rateLimiter.take(c.env.caller.installationId, "delete");
    if (wait > 0) return rateLimited(c, wait, "delete");
    const match = matchOf(c);
    if (match instanceof Response) return match;
    return c.json({ data: c.env.context.stores.storage.delete(c.env.caller.installationId, match) });
  });

  return app;
}
