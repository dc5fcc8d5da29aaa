import type { Context } from "hono";
import { Hono } from "hono";
import { currentAgent } from "../desk-data/current-agent.js";
import type { DeskRecord } from "../store/desk-record-store.js";
import type { DeskEnv } from "./desk-env.js";
import { recordNotFound } from "./record-not-found.js";

/** The caller's org's current agent, or 404 (an org whose Desk data was never seeded). */
export function requireAgent(c: Context<DeskEnv>): DeskRecord {
  const agent = currentAgent(c.env.context.stores.desk, c.env.caller.orgId);
  if (!agent) throw recordNotFound("agent", "myinfo");
  return agent;
}

/** `/api/v1/myinfo`: the current agent (the one the emulator acts as in every org). */
export function currentAgentRoutes(): Hono<DeskEnv> {
  const app = new Hono<DeskEnv>();
  app.get("/", (c) => c.json(requireAgent(c)));
  return app;
}
