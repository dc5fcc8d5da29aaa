import type { Hono } from "hono";
import type { EmulatorContext } from "../context/emulator-context.js";

/** The installation on whose behalf an in-process Desk request runs (from its securityContext). */
export interface DeskCaller {
  installationId: string;
  orgId: string;
}

/** Bindings of the in-process Desk app: passed as `env` to `app.fetch`. */
export interface DeskEnv {
  Bindings: { context: EmulatorContext; caller: DeskCaller };
}

/** The in-process Desk. */
export type DeskApp = Hono<DeskEnv>;
