// The @desk/emulator README examples, run as written: the programmatic quick start (in a folder holding the
// manifest, with a callback listener), and the vitest test with the real invoke client (vitest run in its folder).
import { cpSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { example, manifestFor, runExample, startStandIn, tempFolder } from "./harness.js";

const vitest = join(dirname(fileURLToPath(import.meta.resolve("vitest/package.json"))), "vitest.mjs");

describe("@desk/emulator README examples", () => {
  const folder = tempFolder();
  afterAll(() => folder.remove());

  it("Quick start: install, an invoke call, a triggered callback", async () => {
    const listener = await startStandIn((_, response) => response.writeHead(200).end());
    try {
      const manifest = manifestFor("emulator", { 4200: Number(new URL(listener.url).port) });
      // The extension's folder (its widget and translations, resources.json) with the listener's port moved.
      cpSync(example("emulator/app"), join(folder.path, "app"), { recursive: true });
      cpSync(example("emulator/resources.json"), join(folder.path, "resources.json"));
      writeFileSync(join(folder.path, "plugin-manifest.json"), JSON.stringify(manifest));
      expect(await runExample(example("emulator/quick-start.ts"), { cwd: folder.path })).toEqual({
        code: 0,
        stdout: "200 onUpdate true 200\n",
        stderr: "",
      });
      // onInstall, then the triggered onUpdate, each signed over the raw body.
      expect(
        listener.received.map((r) => [r.method, JSON.parse(r.body).event, typeof r.headers.hash]),
      ).toEqual([
        ["POST", "onInstall", "string"],
        ["POST", "onUpdate", "string"],
      ]);
    } finally {
      await listener.close();
    }
  });

  it("the vitest test of the README passes", async () => {
    const run = await runExample(vitest, {
      cwd: example("emulator"),
      args: ["run", "--config", example("emulator/vitest.config.ts"), example("emulator/storage.test.ts")],
    });
    expect(run.stdout).toMatch(/Tests\s+1 passed \(1\)/);
    expect(run.code).toBe(0);
  });
});
