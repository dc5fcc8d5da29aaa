import { Hono } from "hono";
import { importChannelData } from "../desk-data/import-channel-data.js";
import { channelImportSchema } from "./channel-import-input.js";
import type { DeskEnv } from "./desk-env.js";
import { parseBody } from "./parse-body.js";

/**
 * `POST /api/v1/channels/:installationId/import`: a channel extension pushes tickets and threads of its external
 * service into Desk (guardCaller has checked the installation id is the caller's). Answers
 * `{"data": {"tickets": [...], "threads": [...]}}`, the records as GET answers them.
 */
export function channelImportRoutes(): Hono<DeskEnv> {
  const app = new Hono<DeskEnv>();
  app.post("/", async (c) => {
    const body = await parseBody(
      c,
      channelImportSchema,
      "channel import {channelState?, data: {tickets, threads}}",
    );
    return c.json({ data: importChannelData(c.env.context, c.env.caller, body) });
  });
  return app;
}
