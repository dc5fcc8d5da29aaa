import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Emulator, EmulatorInstallation, EmulatorOptions } from "../emulator-types.js";
import { startEmulator } from "../start-emulator.js";

/** What `emulator.install()` takes: the org, config values and permission states of the new installation. */
export type TestInstallOptions = NonNullable<Parameters<Emulator["install"]>[0]>;

/**
 * Options of `startTestEmulator` and `useEmulator`: those of `startEmulator`, with test defaults (port 0, the
 * database in the temporary folder), plus one installation made at start.
 *
 * @example
 * const options: TestEmulatorOptions = { manifest: "./plugin-manifest.json", install: { config: { trackerToken: "t" } } };
 */
export interface TestEmulatorOptions extends EmulatorOptions {
  /**
   * Installs the extension once at start (`true`, or the options `install()` takes); the handle's `installation`
   * is that one. Default: no installation.
   */
  install?: boolean | TestInstallOptions;
}

/**
 * A running emulator for a test (every member of `Emulator`), on an ephemeral loopback port, its SQLite file and key
 * file in a temporary folder of its own.
 *
 * @example
 * const emulator = await startTestEmulator({ manifest: "./plugin-manifest.json", install: true });
 * const { orgId, securityContext } = emulator.installation;
 * await emulator.close();
 */
export interface TestEmulator extends Emulator {
  /** The temporary folder holding the database (`desk.db`) and what a test puts beside it; removed by `close()`. */
  readonly folder: string;
  /** The installation made at start; throws a TypeError when the `install` option was not given. */
  readonly installation: EmulatorInstallation;
  /** Closes the emulator and removes the folder. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Starts a real emulator for a test (no hooks: for a test that needs its own). `useEmulator` is the same, started
 * before a file's tests and closed after them.
 *
 * @example
 * import { startTestEmulator } from "@desk/emulator/testing";
 *
 * it("survives a restart", async () => {
 *   const emulator = await startTestEmulator({ manifest: "./plugin-manifest.json", install: true });
 *   try {
 *     expect(emulator.installation.orgId).toMatch(/^\d+$/);
 *   } finally {
 *     await emulator.close();
 *   }
 * });
 */
export async function startTestEmulator(options: TestEmulatorOptions): Promise<TestEmulator> {
  const { install, ...emulatorOptions } = options;
  const folder = await mkdtemp(join(tmpdir(), "desk-emulator-test-"));
  const removeFolder = () => rm(folder, { recursive: true, force: true });
  let emulator: Emulator;
  try {
    emulator = await startEmulator({ port: 0, db: join(folder, "desk.db"), ...emulatorOptions });
  } catch (error) {
    await removeFolder();
    throw error;
  }
  let installation: EmulatorInstallation | undefined;
  let closed: Promise<void> | undefined;
  const close = () => {
    closed ??= emulator.close().finally(removeFolder);
    return closed;
  };
  if (install !== undefined && install !== false) {
    try {
      const { installationId, orgId, securityContext } = await emulator.install(
        install === true ? {} : install,
      );
      installation = { installationId, orgId, securityContext };
    } catch (error) {
      await close();
      throw error;
    }
  }
  return {
    ...emulator,
    folder,
    get installation() {
      if (installation === undefined)
        throw new TypeError("@desk/emulator: no installation was made at start (give the install option)");
      return installation;
    },
    close,
  };
}
