import type { ConfigParams, ExtensionDataOptions, Logs, Permissions, Storage } from "@desk/extension-data";
import type { DataCenter, InvokeClient, InvokeClientOptions } from "@desk/invoke-core";
import type { CallbackEventType } from "./callback-events.js";

/**
 * A verified platform event callback (spec 4).
 *
 * `securityContext` is a non-enumerable property, so logging or serialising the event does not leak it; read it
 * directly (or hand the event to `desk.installation(event)`).
 *
 * @example
 * const event: CallbackEvent = await desk.callbacks.verify(request);
 * if (event.type === "onInstall") await store.save({ orgId: event.orgId, securityContext: event.securityContext });
 */
export interface CallbackEvent {
  /** The event name exactly as Desk sent it (an unknown one is passed through as is). */
  readonly event: string;
  /** The documented name: `event` itself, or what an alternative spelling means (`onTPAAuthorize` -> `onTPAAuthorise`). */
  readonly type: CallbackEventType | (string & {});
  /** The org, always a string (Desk sends a number or a string). */
  readonly orgId: string;
  /** The installation's securityContext (non-enumerable: keep it secret). */
  readonly securityContext: string;
  /** Every other field of the body (e.g. an update's version), untouched. */
  readonly payload: Readonly<Record<string, unknown>>;
}

/**
 * What identifies one installation: the org and its securityContext from the install callback.
 *
 * @example
 * const record: InstallationRecord = { orgId: event.orgId, securityContext: event.securityContext };
 */
export interface InstallationRecord {
  readonly orgId: string;
  readonly securityContext: string;
}

/**
 * Options of `createDesk`.
 *
 * @example
 * const options: CreateDeskOptions = { secret: process.env.DESK_SECRET!, dataCenter: "eu" };
 */
export interface CreateDeskOptions {
  /**
   * The manifest secret, or several during a rotation: invoke calls are signed with the first, callbacks verified
   * against all. The same option, with the same type, as `secret` of `@desk/invoke-core` and `@desk/hash`.
   */
  secret: string | readonly string[];
  /** Desk's data centre. Default "com". */
  dataCenter?: DataCenter;
  /** Where invoke calls go instead of Desk (e.g. the emulator's URL); request URLs stay Desk's. */
  baseUrl?: string;
  /** Options of every installation's invoke client (timeout, retry, fetch, throwOnTargetError, ...). */
  invoke?: Omit<InvokeClientOptions, "secret" | "orgId" | "securityContext" | "dataCenter" | "baseUrl">;
  /** Options of every installation's extension-data clients (`rateLimit`, `secureParams`). */
  extensionData?: ExtensionDataOptions;
  /** How many installations' clients are kept for reuse (least recently used dropped first). Default 1000. */
  cacheSize?: number;
}

/**
 * Everything that acts for one installation; one invoke client underneath.
 *
 * @example
 * const inst: Installation = desk.installation({ orgId, securityContext });
 * await inst.storage.set("ticket:42", { issue: "TRK-7" }, { queriableValue: "escalated" });
 */
export interface Installation {
  /** `client.invoke`: a signed call Desk makes for the extension. */
  readonly invoke: InvokeClient["invoke"];
  readonly storage: Storage;
  readonly config: ConfigParams;
  readonly logs: Logs;
  readonly permissions: Permissions;
  /** The invoke client itself (`deskOrigin`, `orgId`, `invoke`). */
  readonly client: InvokeClient;
}

/**
 * The callback verifier of a `Desk`.
 *
 * @example
 * const event = await desk.callbacks.verifyRaw(req.body, req.get("HASH"));
 */
export interface Callbacks {
  /** Reads the raw body of a web `Request` and verifies it against its `HASH` header. */
  verify(request: Request): Promise<CallbackEvent>;
  /** Verifies raw body bytes (never a parsed object) against a HASH header value. */
  verifyRaw(body: string | Uint8Array | ArrayBuffer, hash: string | null | undefined): Promise<CallbackEvent>;
}

/**
 * The SDK's entry point, made by `createDesk`.
 *
 * @example
 * const desk: Desk = createDesk({ secret });
 */
export interface Desk {
  readonly callbacks: Callbacks;
  /**
   * The clients of one installation, made once per orgId + securityContext and reused. Throws
   * `NotInstalledError` for `undefined` or `null` (what `store.get(orgId)` gives for an org that is not installed).
   */
  installation(record: InstallationRecord | null | undefined): Installation;
  /** Drops the cached clients of an org (after an uninstall). */
  forget(orgId: string): void;
}
