export { type AppOptions, createApp } from "./create-app.js";
export type { Escalation } from "./escalation.js";
export {
  DEFAULT_TRACKER_URL,
  type SampleExtension,
  type SampleExtensionOptions,
  startSampleExtension,
} from "./start-sample-extension.js";
export type { StandInTrackerOptions, TrackerIssue, TrackerRequest } from "./tracker/stand-in-tracker.js";
export {
  type RunningStandInTracker,
  type StartStandInTrackerOptions,
  startStandInTracker,
} from "./tracker/start-stand-in-tracker.js";
export {
  deriveWidgetTokenKey,
  issueWidgetToken,
  type VerifiedWidgetToken,
  verifyWidgetToken,
  WIDGET_TOKEN_TTL_MS,
  type WidgetTokenClaims,
  type WidgetTokenOptions,
  type WidgetTokenRefusal,
} from "./widget-token.js";
