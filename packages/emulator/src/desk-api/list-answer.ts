import type { Context } from "hono";
import { DESK_EMPTY_LIST_STATUS } from "../constants.js";
import { unprocessable } from "../errors/emulator-request-error.js";
import { type PageLimits, parsePaging } from "./paging.js";

/** The `from` / `limit` of a Desk REST list request, or 422 naming the one at fault. */
export function readPage(c: Context, limits: PageLimits): { from: number; limit: number } {
  const page = parsePaging(c.req.query("from"), c.req.query("limit"), limits);
  if ("fieldName" in page) throw unprocessable(page.fieldName, page.message);
  return page;
}

/** A Desk REST list: `{"data": [...]}`, or 204 with no body when the page is empty (DESK_EMPTY_LIST_STATUS). */
export function listAnswer(c: Context, records: readonly unknown[]): Response {
  return records.length === 0 ? c.body(null, DESK_EMPTY_LIST_STATUS) : c.json({ data: records });
}
