import { CallbackPayloadError } from "./errors/callback-payload-error.js";
import { CallbackVerificationError } from "./errors/callback-verification-error.js";
import type { InstallationStore } from "./installation-store.js";
import type { CallbackEvent, Desk, Installation } from "./types.js";

/**
 * A hook of {@link createCallbackHandler}: the verified event and the clients of its installation.
 *
 * @example
 * const onInstall: CallbackHook = async (event, inst) => {
 *   await inst.logs.add({ title: "installed", description: `org ${event.orgId}` });
 * };
 */
export type CallbackHook = (event: CallbackEvent, installation: Installation) => unknown;

/**
 * Hooks by documented event name (alternative spellings reach the hook of the event they mean), plus `onEvent`
 * for every event, unknown ones included.
 *
 * @example
 * const on: CallbackHooks = { onInstall: greet, onEvent: (event) => console.log(event.type) };
 */
export type CallbackHooks = {
  onInstall?: CallbackHook;
  onZohoAuthorise?: CallbackHook;
  onTPAAuthorise?: CallbackHook;
  onTPARevoke?: CallbackHook;
  onUpdate?: CallbackHook;
  onConfigParamAdd?: CallbackHook;
  onConfigParamDelete?: CallbackHook;
  onUninstall?: CallbackHook;
  /** Runs after the event's own hook, for every event. */
  onEvent?: CallbackHook;
};

/**
 * Options of {@link createCallbackHandler}.
 *
 * @example
 * const options: CallbackHandlerOptions = { desk, store, on: { onInstall: greet } };
 */
export interface CallbackHandlerOptions {
  desk: Desk;
  store: InstallationStore;
  on?: CallbackHooks;
  /** Told about a hook or store that threw (the caller gets a bare 500). Never given a refused request's HASH. */
  onError?: (error: unknown, event: CallbackEvent) => void;
}

const reply = (status: number, body: Record<string, unknown>) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

/**
 * A ready-made web handler for the manifest's `callbackListener` URLs: verifies the HASH over the raw body,
 * saves the installation on `onInstall`, calls your hooks, deletes it on `onUninstall` (after the hook, which can
 * still call Desk, and which keeps the store from saving a late install of it), and answers 200 (a late install of
 * an installation already uninstalled is answered 200 without calling hooks); 401 for a bad HASH, 400 for a bad body, 405 for a non-POST, 500 when a hook
 * or the store threw. Answers never echo the request, the HASH or an error message.
 *
 * @example
 * import { createCallbackHandler, createDesk, createMemoryInstallationStore } from "@desk/sdk";
 * import { toNodeHandler } from "@desk/sdk/node";
 *
 * const desk = createDesk({ secret: process.env.DESK_SECRET! });
 * const handler = createCallbackHandler({ desk, store: createMemoryInstallationStore(), on: {
 *   onInstall: (event, inst) => inst.logs.add({ title: "installed", description: `org ${event.orgId}` }),
 * } });
 * http.createServer(toNodeHandler(handler)).listen(4200);
 */
export function createCallbackHandler(
  options: CallbackHandlerOptions,
): (request: Request) => Promise<Response> {
  const { desk, store, on = {} } = options;
  return async (request) => {
    if (request.method !== "POST") return reply(405, { ok: false, error: "method_not_allowed" });
    let event: CallbackEvent;
    try {
      event = await desk.callbacks.verify(request);
    } catch (error) {
      if (CallbackVerificationError.isInstance(error))
        return reply(401, { ok: false, error: "invalid_hash" });
      if (CallbackPayloadError.isInstance(error)) {
        return reply(400, { ok: false, error: "invalid_payload", field: error.field, rule: error.rule });
      }
      throw error;
    }
    try {
      const record = { orgId: event.orgId, securityContext: event.securityContext };
      // A late install of an installation already uninstalled is refused by the store: nothing to act for.
      if (event.type === "onInstall" && !(await store.save(record))) return reply(200, { ok: true });
      const installation = desk.installation(record);
      // Own keys only: an unknown event named "constructor" or "onEvent" must not reach another function.
      const own = event.type !== "onEvent" && Object.hasOwn(on, event.type);
      if (own) await on[event.type as keyof CallbackHooks]?.(event, installation);
      await on.onEvent?.(event, installation);
      if (event.type === "onUninstall") {
        await store.delete(event.orgId, { securityContext: event.securityContext });
        desk.forget(event.orgId);
      }
    } catch (error) {
      options.onError?.(error, event);
      return reply(500, { ok: false, error: "handler_failed" });
    }
    return reply(200, { ok: true });
  };
}
