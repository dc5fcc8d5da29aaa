import type { Context } from "hono";
import { Hono } from "hono";
import { STORAGE_LIMITS } from "../constants.js";
import { EmulatorRequestError, unprocessable } from "../errors/emulator-request-error.js";
import type { StorageMatch, StorageRow } from "../store/storage-store.js";
import type { DeskEnv } from "./desk-env.js";
import { rateLimited } from "./rate-limited.js";
import { readJson } from "./read-json.js";
import { checkKeyLike, checkPaging, checkStorageObject } from "./storage-validation.js";

type StorageContext = Context<DeskEnv>;

function output(row: StorageRow) {
  return { key: row.key, queriableValue: row.queriableValue, value: JSON.parse(row.value) as unknown };
}

/** Storage must be switched on in the manifest [doc]. */
function requireStorage(c: StorageContext): void {
  if (c.env.context.manifest.storage === true) return;
  throw new EmulatorRequestError({
    status: 403,
    errorCode: "STORAGE_NOT_ENABLED",
    message: 'storage is not enabled for this extension: add "storage": true to plugin-manifest.json',
  });
}

/** Key and/or queriableValue from the query; one of them is required for get and delete [doc]. */
function matchOf(c: StorageContext): StorageMatch {
  const key = c.req.query("key");
  const queriableValue = c.req.query("queriableValue");
  if (key === undefined && queriableValue === undefined) {
    throw unprocessable("key", "key or queriableValue is required");
  }
  for (const [name, value] of [
    ["key", key],
    ["queriableValue", queriableValue],
  ] as const) {
    const issue = value === undefined ? undefined : checkKeyLike(name, value);
    if (issue) throw unprocessable(issue.fieldName, issue.message);
  }
  return { key, queriableValue };
}

/** `/api/v1/installedExtensions/:installationId/storage`: add, get, delete (spec 2.1). */
export function storageRoutes(): Hono<DeskEnv> {
  const app = new Hono<DeskEnv>();

  app.post("/", async (c) => {
    requireStorage(c);
    const wait = c.env.context.rateLimiter.take(c.env.caller.installationId, "add");
    if (wait > 0) throw rateLimited(wait, "storage add");
    const body = await readJson(c);
    if (!body.ok) throw unprocessable("body", "the body must be JSON: a storage object or an array of them");
    const many = Array.isArray(body.value);
    const items: unknown[] = many ? (body.value as unknown[]) : [body.value];
    if (items.length === 0) throw unprocessable("body", "the array must hold at least one storage object");
    if (items.length > STORAGE_LIMITS.itemsPerAdd) {
      throw unprocessable(
        "body",
        `at most ${STORAGE_LIMITS.itemsPerAdd} objects per add call (got ${items.length})`,
      );
    }
    const rows: StorageRow[] = [];
    for (const [index, item] of items.entries()) {
      const checked = checkStorageObject(item, many ? `item ${index}: ` : "");
      if ("fieldName" in checked) throw unprocessable(checked.fieldName, checked.message);
      rows.push(checked);
    }
    c.env.context.stores.storage.upsert(c.env.caller.installationId, rows);
    return many ? c.json({ data: rows.map(output) }) : c.json(output(rows[0]!));
  });

  app.get("/", (c) => {
    requireStorage(c);
    const wait = c.env.context.rateLimiter.take(c.env.caller.installationId, "get");
    if (wait > 0) throw rateLimited(wait, "storage get");
    const match = matchOf(c);
    const paging = checkPaging(c.req.query("from"), c.req.query("limit"));
    if ("fieldName" in paging) throw unprocessable(paging.fieldName, paging.message);
    const rows = c.env.context.stores.storage.find(
      c.env.caller.installationId,
      match,
      paging.from,
      paging.limit,
    );
    return c.json({ data: rows.map(output) });
  });

  app.delete("/", (c) => {
    requireStorage(c);
    const wait = c.env.context.rateLimiter.take(c.env.caller.installationId, "delete");
    if (wait > 0) throw rateLimited(wait, "storage delete");
    const match = matchOf(c);
    return c.json({ data: c.env.context.stores.storage.delete(c.env.caller.installationId, match) });
  });

  return app;
}
