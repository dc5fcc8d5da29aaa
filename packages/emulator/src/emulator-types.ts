import type { CallbackOrgId } from "./constants.js";
import type { InvokeEvent } from "./invoke/invoke-event.js";
import type { DeskRuleFinding } from "./manifest/desk-rules/finding.js";

/**
 * Options of `startEmulator`.
 *
 * @example
 * const options: EmulatorOptions = { manifest: "./plugin-manifest.json", port: 0, db: ":memory:" };
 */
export interface EmulatorOptions {
  /** 0 = ephemeral (tests). Default 4100. */
  port?: number;
  /** Default "127.0.0.1". */
  host?: string;
  /** File path (default ".desk-emulator/desk.db") or ":memory:". */
  db?: string;
  /** Path to plugin-manifest.json or the parsed object. */
  manifest: string | object;
  /** Path to resources.json or the parsed object; default: resources.json beside a manifest path, if present. */
  resources?: string | object;
  /**
   * The extension's name, for `extensionName` in log answers. Default: the manifest's `name` (real manifests have
   * none: Desk takes it from the developer console), else DEFAULT_EXTENSION_NAME.
   */
  name?: string;
  /**
   * Refuse every manifest or resources file that breaks one of Zoho's DESK rules, as Desk's upload would (rules
   * about project files stay warnings). Default false: refuse only what the emulator cannot run with, warn about the
   * rest.
   */
  strict?: boolean;
  /**
   * Receives the one warning at start (what `zet validate` would say, and the findings). Default:
   * `process.emitWarning` with code `DESK_EMULATOR_ZET_RULES`.
   */
  onWarning?: (text: string, findings: readonly DeskRuleFinding[]) => void;
  /** Injectable clock (ms since epoch). */
  now?: () => number;
  /** Per-minute limits per installation; `false` turns them off. Default on: DEFAULT_RATE_LIMITS. */
  rateLimits?:
    | boolean
    | {
        add?: number | undefined;
        get?: number | undefined;
        delete?: number | undefined;
        invoke?: number | undefined;
        log?: number | undefined;
      };
  /** connectionLinkName -> OAuth token injected as `Authorization: Zoho-oauthtoken <token>`. */
  connections?: Record<string, { token: string }>;
  /** Timeout of forwarded calls and callbacks, in ms. Default 10,000. */
  targetTimeoutMs?: number;
  /**
   * How callback bodies carry `orgId`: "number" (`"orgId": 387238`, as Desk's documentation shows) or "string"
   * (`"orgId": "387238"`, as Zoho's own handler code reads it). Default DEFAULT_CALLBACK_ORG_ID ("number").
   */
  callbackOrgId?: CallbackOrgId;
  /** Called after every invoke call (for a request log); never given a HASH, secret or securityContext. */
  onInvoke?: (event: InvokeEvent) => void;
  /**
   * When set, the admin API (`/_emulator`) and the dashboard need `Authorization: Bearer <adminToken>`: for a shared
   * machine, where another local user could otherwise reach them. The CLI reads it from DESK_EMULATOR_ADMIN_TOKEN.
   */
  adminToken?: string;
}

/**
 * An installation the emulator made: the extension installed in one org (not `@desk/sdk`'s `Installation`, which
 * is a client bound to one).
 *
 * @example
 * const { installationId, orgId, securityContext }: EmulatorInstallation = await emulator.install();
 */
export interface EmulatorInstallation {
  installationId: string;
  orgId: string;
  securityContext: string;
}

/**
 * What happened to one platform-event callback.
 *
 * @example
 * const outcome: CallbackOutcome = await emulator.trigger("onUpdate", { installationId });
 * if (!outcome.ok) console.error(outcome.status, outcome.error);
 */
export interface CallbackOutcome {
  event: string;
  /** The callbackListener URL; null with `skipped: true` when the manifest does not listen for the event. */
  url: string | null;
  /** HTTP status the listener answered, null when none. */
  status: number | null;
  ok: boolean;
  durationMs: number;
  error?: string;
  skipped?: true;
  /** ISO-8601 time the callback was sent. */
  sentAt: string;
}

/**
 * How many Desk records of each kind an org holds (what a reset leaves).
 *
 * @example
 * const counts: DeskDataCounts = await emulator.resetData("12345");
 * counts.tickets; // 3
 */
export type DeskDataCounts = Record<
  "departments" | "agents" | "contacts" | "tickets" | "threads" | "comments",
  number
>;

/**
 * A running emulator.
 *
 * @example
 * const emulator = await startEmulator({ manifest, port: 0, db: ":memory:" });
 * const installation = await emulator.install({ config: { trackerToken: "t0k" } });
 * await emulator.close();
 */
export interface Emulator {
  /** "http://127.0.0.1:<port>"; POST `${url}/api/v1/invoke?orgId=...` is the invoke endpoint. */
  readonly url: string;
  /** The manifest's secret; undefined when it has none (a manifest without callbackListener may leave it out). */
  readonly secret: string | undefined;
  /** The extension's name, as log answers give it in `extensionName`. */
  readonly name: string;
  /** The rules of Zoho's the files break and the emulator runs with anyway, in zet's words. */
  readonly warnings: readonly DeskRuleFinding[];
  install(options?: {
    orgId?: string;
    config?: Record<string, string>;
    permissions?: Record<string, boolean>;
  }): Promise<EmulatorInstallation & { callbacks: CallbackOutcome[] }>;
  uninstall(installationId: string): Promise<void>;
  setConfig(installationId: string, values: Record<string, string>): Promise<void>;
  setPermissions(installationId: string, states: Record<string, boolean>): Promise<void>;
  /**
   * Puts an org's Desk data (tickets, threads, comments, contacts, departments, the agent) back to the seed the
   * emulator gives every org at its first install; answers the counts. Installations, storage and config stay.
   */
  resetData(orgId: string): Promise<DeskDataCounts>;
  trigger(
    event: string,
    options: { installationId: string; payload?: object | string },
  ): Promise<CallbackOutcome>;
  /** Present when no `now` option was given: sets the internal clock. */
  setNow?(ms: number): void;
  /** The clock the emulator uses (ms since epoch). */
  now(): number;
  close(): Promise<void>;
}
