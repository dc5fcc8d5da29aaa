import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Path of a fixture file. */
export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
}

/**
 * A fresh copy of the fixture manifest with some fields replaced. Its callbackListener (on example.com) is dropped
 * unless given, so tests never reach for the network.
 */
export function fixtureManifest(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const manifest = JSON.parse(readFileSync(fixturePath("plugin-manifest.json"), "utf8")) as Record<
    string,
    unknown
  >;
  return { ...manifest, callbackListener: {}, ...overrides };
}

/** A fresh copy of the fixture resources. */
export function fixtureResources(): Record<string, unknown> {
  return JSON.parse(readFileSync(fixturePath("resources.json"), "utf8")) as Record<string, unknown>;
}

/** The fixture manifest's secret. */
export const FIXTURE_SECRET = "emulator_fixture_secret_7d2f";
