import { type CreateDeskOptions, createMemoryInstallationStore, type InstallationStore } from "@desk/sdk";
import { createApp, signingSecret } from "./create-app.js";
import { serveNode } from "./serve-node.js";
import { deriveWidgetTokenKey, issueWidgetToken, type WidgetTokenClaims } from "./widget-token.js";

/** Where the stand-in tracker listens by default: the tracker origin whitelisted in plugin-manifest.json. */
export const DEFAULT_TRACKER_URL = "http://127.0.0.1:4300";

/**
 * Options of {@link startSampleExtension}.
 *
 * @example
 * const options: SampleExtensionOptions = { port: 4200, desk: { secret: process.env.DESK_SECRET! } };
 */
export interface SampleExtensionOptions {
  /** 0 picks a free port. Default 4200 (the port in plugin-manifest.json). */
  port?: number;
  /** Default "127.0.0.1". */
  host?: string;
  /**
   * `createDesk` options, or a function giving them on first use: for when Desk's URL is only known
   * after this server listens (the emulator's manifest needs this server's URL first).
   */
  desk: CreateDeskOptions | (() => CreateDeskOptions);
  /** Where installations are kept. Default: in memory. */
  store?: InstallationStore;
  /** The tracker's origin (whitelisted in the manifest). Default {@link DEFAULT_TRACKER_URL}. */
  trackerUrl?: string;
  /** Clock of `escalatedAt` and of widget tokens. Default `() => new Date()`. */
  now?: () => Date;
  /** Where the extension prints what it does. Default console.log. */
  say?: (line: string) => void;
}

/**
 * A running sample extension.
 *
 * @example
 * const extension: SampleExtension = await startSampleExtension({ port: 0, desk: { secret } });
 * await extension.close();
 */
export interface SampleExtension {
  /** "http://127.0.0.1:<port>" */
  readonly url: string;
  readonly port: number;
  readonly store: InstallationStore;
  /** A widget token for one org and user (what your sign-in step would hand the widget). */
  issueWidgetToken(claims: WidgetTokenClaims): string;
  /** The widget page of this server with a fresh token in its fragment, for a ticket when given. */
  widgetUrl(claims: WidgetTokenClaims & { ticketId?: string }): string;
  close(): Promise<void>;
}

/**
 * Starts the reference extension on node:http.
 *
 * @example
 * import { startSampleExtension } from "sample-extension";
 *
 * const extension = await startSampleExtension({ port: 0, desk: () => ({ secret, baseUrl: emulator.url }) });
 * const token = extension.issueWidgetToken({ orgId: "12345", userId: "agent-1" });
 * await fetch(`${extension.url}/escalations`, { headers: { Authorization: `Bearer ${token}` } });
 * await extension.close();
 */
export async function startSampleExtension(options: SampleExtensionOptions): Promise<SampleExtension> {
  const store = options.store ?? createMemoryInstallationStore();
  const say = options.say ?? ((line: string) => console.log(line));
  const now = options.now ?? (() => new Date());
  let desk: CreateDeskOptions | undefined;
  const deskOptions = () => {
    desk ??= typeof options.desk === "function" ? options.desk() : options.desk;
    return desk;
  };
  let key: Uint8Array | undefined;
  const tokenKey = () => {
    key ??= deriveWidgetTokenKey(signingSecret(deskOptions()));
    return key;
  };
  let app: ((request: Request) => Promise<Response>) | undefined;
  const handler = (request: Request) => {
    app ??= createApp({
      desk: deskOptions(),
      store,
      trackerUrl: options.trackerUrl ?? DEFAULT_TRACKER_URL,
      widgetTokenKey: tokenKey(),
      now,
      say,
    });
    return app(request);
  };

  const served = await serveNode(handler, {
    port: options.port ?? 4200,
    ...(options.host !== undefined && { host: options.host }),
    onError: (error) => say(`server error: ${error}`),
  });
  const issue = (claims: WidgetTokenClaims) => issueWidgetToken(claims, { key: tokenKey(), now });
  return {
    url: served.url,
    port: served.port,
    store,
    issueWidgetToken: issue,
    widgetUrl: ({ ticketId, ...claims }) => {
      const query = ticketId === undefined ? "" : `?ticketId=${encodeURIComponent(ticketId)}`;
      return `${served.url}/app/widget.html${query}#token=${issue(claims)}`;
    },
    close: served.close,
  };
}
