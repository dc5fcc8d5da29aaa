// @desk/sdk/testing: the installation-store conformance suite, for vitest (an optional peer dependency).
export {
  type ConformanceOptions,
  describeInstallationStore,
  type StoreUnderTest,
} from "./testing/describe-installation-store.js";
