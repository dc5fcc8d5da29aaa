import { afterAll, beforeAll } from "vitest";
import { startTestEmulator, type TestEmulator, type TestEmulatorOptions } from "./start-test-emulator.js";

/**
 * One real emulator for a test file (vitest): started in a `beforeAll` (ephemeral port, a temporary folder),
 * closed with its folder in an `afterAll`. Give the options as a function when they need something an earlier hook
 * started (a callback listener's URL, a target server): it is called in the `beforeAll`. The handle answers for
 * the running emulator once that hook ran, so read it inside tests and later hooks; before, a read throws.
 *
 * @example
 * import { useEmulator } from "@desk/emulator/testing";
 *
 * const emulator = useEmulator({ manifest: "./plugin-manifest.json", install: { config: { trackerToken: "t0k" } } });
 *
 * it("invokes through the emulator", async () => {
 *   const { orgId, securityContext } = emulator.installation;
 *   // sign with emulator.secret, POST to `${emulator.url}/api/v1/invoke?orgId=${orgId}`
 * });
 */
export function useEmulator(
  options: TestEmulatorOptions | (() => TestEmulatorOptions | Promise<TestEmulatorOptions>),
): TestEmulator {
  let running: TestEmulator | undefined;
  beforeAll(async () => {
    running = await startTestEmulator(typeof options === "function" ? await options() : options);
  });
  afterAll(async () => {
    await running?.close();
  });
  // The handle exists before the emulator does: every read goes to the running one. `then` and symbols answer
  // undefined before the start, so an `await` of the handle or printing it does not throw.
  return new Proxy({} as TestEmulator, {
    get(_target, key) {
      if (running !== undefined) return Reflect.get(running, key);
      if (key === "then" || typeof key === "symbol") return undefined;
      throw new TypeError(
        "@desk/emulator: useEmulator's emulator is not started yet (read it inside a test or hook)",
      );
    },
    has: (_target, key) => running !== undefined && key in running,
  });
}
