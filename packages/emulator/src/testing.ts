// @desk/emulator/testing: a real emulator per test or per test file, for vitest (an optional peer dependency).
export {
  startTestEmulator,
  type TestEmulator,
  type TestEmulatorOptions,
  type TestInstallOptions,
} from "./testing/start-test-emulator.js";
export { useEmulator } from "./testing/use-emulator.js";
