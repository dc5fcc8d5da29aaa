import { serveNode } from "../serve-node.js";
import {
  createStandInTracker,
  type StandInTrackerOptions,
  type TrackerIssue,
  type TrackerRequest,
} from "./stand-in-tracker.js";

/**
 * Options of {@link startStandInTracker}.
 *
 * @example
 * const options: StartStandInTrackerOptions = { port: 0, apiToken: "trk_1", connectionToken: "1000.oauth.1" };
 */
export interface StartStandInTrackerOptions extends StandInTrackerOptions {
  /** 0 picks a free port. Default 4300 (the tracker origin whitelisted in plugin-manifest.json). */
  port?: number;
  /** Default "127.0.0.1". */
  host?: string;
}

/**
 * The stand-in tracker, running.
 *
 * @example
 * const tracker: RunningStandInTracker = await startStandInTracker({ port: 0, apiToken, connectionToken });
 */
export interface RunningStandInTracker {
  /** "http://127.0.0.1:<port>" */
  readonly url: string;
  readonly port: number;
  issues(): TrackerIssue[];
  requests(): TrackerRequest[];
  close(): Promise<void>;
}

/**
 * Starts the stand-in issue tracker (in place of Jira or similar) on node:http.
 *
 * @example
 * import { startStandInTracker } from "sample-extension";
 *
 * const tracker = await startStandInTracker({ port: 0, apiToken: "trk_1", connectionToken: "1000.oauth.1" });
 * console.log(tracker.url, tracker.issues());
 * await tracker.close();
 */
export async function startStandInTracker(
  options: StartStandInTrackerOptions,
): Promise<RunningStandInTracker> {
  const tracker = createStandInTracker(options);
  const served = await serveNode(tracker.handler, {
    port: options.port ?? 4300,
    ...(options.host !== undefined && { host: options.host }),
    onError: (error) => console.error(`stand-in tracker: ${(error as Error).message}`),
  });
  return {
    url: served.url,
    port: served.port,
    issues: tracker.issues,
    requests: tracker.requests,
    close: served.close,
  };
}
