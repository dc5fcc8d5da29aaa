export { DeskError, type DeskErrorOptions } from "@desk/errors";
export { CALLBACK_EVENT_ALIASES, CALLBACK_EVENTS, type CallbackEventType } from "./callback-events.js";
export {
  type CallbackHandlerOptions,
  type CallbackHook,
  type CallbackHooks,
  createCallbackHandler,
} from "./create-callback-handler.js";
export { createDesk } from "./create-desk.js";
export { createMemoryInstallationStore } from "./create-memory-installation-store.js";
export { CallbackPayloadError } from "./errors/callback-payload-error.js";
export { CallbackVerificationError } from "./errors/callback-verification-error.js";
export { DeskSdkError } from "./errors/desk-sdk-error.js";
export { SdkOptionsError } from "./errors/sdk-options-error.js";
export type { InstallationStore } from "./installation-store.js";
export type {
  CallbackEvent,
  Callbacks,
  CreateDeskOptions,
  Desk,
  Installation,
  InstallationRecord,
} from "./types.js";
