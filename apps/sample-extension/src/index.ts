export { type AppOptions, createApp } from "./create-app.js";
export type { Escalation } from "./escalation.js";
export {
  type SampleExtension,
  type SampleExtensionOptions,
  startSampleExtension,
} from "./start-sample-extension.js";
