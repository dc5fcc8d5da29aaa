import { readFileSync } from "node:fs";
import type { Emulator } from "@desk/emulator";
import { startTestEmulator } from "@desk/emulator/testing";
import { createMemoryInstallationStore } from "@desk/sdk";
import {
  type RunningStandInTracker,
  type SampleExtension,
  startSampleExtension,
  startStandInTracker,
} from "../src/index.js";

const read = (name: string) => JSON.parse(readFileSync(new URL(`../${name}`, import.meta.url), "utf8"));
export const manifest = read("plugin-manifest.json");
export const resources = read("resources.json");

/** Desk takes an extension's name from the developer console, not the manifest: the emulator is told it. */
export const EXTENSION_NAME = "Escalation Desk";

/** The tracker's two credentials in the tests: what the org's trackerToken holds, what the connection injects. */
export const TRACKER_API_TOKEN = "trk_live_7Qp2xW";
export const CONNECTION_TOKEN = "1000.conn.9f3a51";

/** The tracker, the extension and the emulator, wired as the manifest says, each on an ephemeral port. */
export interface Story {
  tracker: RunningStandInTracker;
  extension: SampleExtension;
  emulator: Emulator;
  store: ReturnType<typeof createMemoryInstallationStore>;
  said: string[];
  /** Moves the clock of the extension (escalatedAt, widget tokens). */
  setNow(date: Date): void;
  close(): Promise<void>;
}

/** The manifest with its local URLs (extension on 4200, tracker on 4300) moved to where they really listen. */
export function manifestFor(extensionUrl: string, trackerUrl: string) {
  const text = JSON.stringify(manifest)
    .replaceAll("http://127.0.0.1:4200", extensionUrl)
    .replaceAll("http://127.0.0.1:4300", trackerUrl);
  return JSON.parse(text);
}

export async function startStory(start: Date): Promise<Story> {
  let now = start;
  const said: string[] = [];
  const store = createMemoryInstallationStore();
  const tracker = await startStandInTracker({
    port: 0,
    apiToken: TRACKER_API_TOKEN,
    connectionToken: CONNECTION_TOKEN,
  });
  let emulator: Emulator | undefined;
  const extension = await startSampleExtension({
    port: 0,
    store,
    trackerUrl: tracker.url,
    now: () => now,
    say: (line) => said.push(line),
    desk: () => ({ secret: manifest.secret, baseUrl: emulator!.url }),
  });
  emulator = await startTestEmulator({
    manifest: manifestFor(extension.url, tracker.url),
    resources,
    name: EXTENSION_NAME,
    connections: { trackerconnection: { token: CONNECTION_TOKEN } },
  });
  const running = emulator;
  return {
    tracker,
    extension,
    emulator: running,
    store,
    said,
    setNow: (date) => {
      now = date;
    },
    close: async () => {
      await running.close();
      await extension.close();
      await tracker.close();
    },
  };
}
