/**
 * The platform events Zoho documents (spec 4), in their documented spelling.
 *
 * @example
 * CALLBACK_EVENTS.includes("onInstall"); // true
 */
export const CALLBACK_EVENTS = [
  "onInstall",
  "onZohoAuthorise",
  "onTPAAuthorise",
  "onTPARevoke",
  "onUpdate",
  "onConfigParamAdd",
  "onConfigParamDelete",
  "onUninstall",
] as const;

/**
 * A documented platform event name.
 *
 * @example
 * const type: CallbackEventType = "onUninstall";
 */
export type CallbackEventType = (typeof CALLBACK_EVENTS)[number];

/**
 * Other spellings seen in the wild -> the documented event they mean (spec 4). The one place to add a spelling.
 *
 * @example
 * CALLBACK_EVENT_ALIASES["onTPAAuthorize"]; // "onTPAAuthorise"
 */
export const CALLBACK_EVENT_ALIASES: Readonly<Record<string, CallbackEventType>> = {
  onDeskAuthorise: "onZohoAuthorise",
  onTPAAuthorize: "onTPAAuthorise",
  onConfigParamChange: "onConfigParamAdd",
};
