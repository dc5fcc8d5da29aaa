import { Hono } from "hono";
import { DESK_LIST_LIMITS } from "../constants.js";
import type { DeskEnv } from "./desk-env.js";
import { listAnswer, readPage } from "./list-answer.js";
import { recordNotFound } from "./record-not-found.js";

/** `/api/v1/departments`: list (from/limit) and get. */
export function departmentsRoutes(): Hono<DeskEnv> {
  const app = new Hono<DeskEnv>();

  app.get("/", (c) =>
    listAnswer(
      c,
      c.env.context.stores.desk.list(
        c.env.caller.orgId,
        "departments",
        readPage(c, DESK_LIST_LIMITS.departments),
      ),
    ),
  );

  app.get("/:departmentId", (c) => {
    const departmentId = c.req.param("departmentId");
    const department = c.env.context.stores.desk.get(c.env.caller.orgId, "departments", departmentId);
    if (!department) throw recordNotFound("department", departmentId);
    return c.json(department);
  });

  return app;
}
