import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_SECRET, fixtureManifest } from "../helpers/fixture.js";
import { invoker } from "../helpers/invoke.js";

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL("../..", import.meta.url));
const cli = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));
const STORAGE = "https://desk.zoho.com/api/v1/installedExtensions/{{installationId}}/storage";
const WRITERS = 4;

// The built bin, as users run it (`pnpm test` builds first; a bare checkout builds here once).
beforeAll(async () => {
  if (existsSync(cli)) return;
  const tsup = createRequire(import.meta.url)
    .resolve("tsup/package.json")
    .replace(/package\.json$/, "dist/cli-default.js");
  await run(process.execPath, [tsup, "--silent"], { cwd: packageDir });
}, 120_000);

describe("reliability: durability under SIGKILL (issue 11)", () => {
  const folder = mkdtempSync(join(tmpdir(), "desk-emulator-sigkill-"));
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    rmSync(folder, { recursive: true, force: true });
  });

  const start = async (): Promise<{ child: ChildProcess; url: string }> => {
    const child = spawn(
      process.execPath,
      [
        cli,
        "start",
        "--port",
        "0",
        "--db",
        join(folder, "desk.db"),
        "--manifest",
        join(folder, "plugin-manifest.json"),
        "--config",
        join(folder, "emulator.json"),
        "--json",
        "--quiet",
      ],
      { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } },
    );
    children.push(child);
    let stdout = "";
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout!.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(stdout);
        if (match) resolve(match[1]!);
      });
      child.once("exit", (code) => reject(new Error(`exited early with ${code}: ${stderr}`)));
    });
    return { child, url };
  };

  it("every acknowledged write survives a SIGKILL during concurrent writers, with its exact value", async () => {
    writeFileSync(join(folder, "plugin-manifest.json"), JSON.stringify(fixtureManifest()));
    writeFileSync(join(folder, "emulator.json"), JSON.stringify({ rateLimits: false }));
    const first = await start();
    const installed = (await (
      await fetch(`${first.url}/_emulator/installations`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ orgId: "7001" }),
      })
    ).json()) as { orgId: string; securityContext: string };

    const acknowledged = new Map<string, unknown>();
    let killed = false;
    const writer = async (id: number) => {
      const call = invoker(first.url, FIXTURE_SECRET, installed);
      for (let i = 0; !killed; i++) {
        const key = `w${id}_${i}`;
        const value = { writer: id, i, text: "é€😀".repeat(i % 7), pad: "x".repeat((i * 37) % 900) };
        try {
          const answer = await call({
            requestURL: STORAGE,
            requestType: "POST",
            postBody: JSON.stringify({ key, queriableValue: `w${id}`, value }),
          });
          if (answer.status === 200 && answer.target?.statusCode === 200) acknowledged.set(key, value);
        } catch {
          return; // The process is gone: this write was never acknowledged.
        }
      }
    };
    const writers = Array.from({ length: WRITERS }, (_, id) => writer(id));
    // Kill once enough writes were acknowledged: some are in flight at that moment.
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (acknowledged.size >= 200) {
          clearInterval(check);
          resolve();
        }
      }, 5);
    });
    const exited = new Promise((resolve) => first.child.once("exit", resolve));
    first.child.kill("SIGKILL");
    killed = true;
    await exited;
    await Promise.all(writers);

    const second = await start();
    try {
      const call = invoker(second.url, FIXTURE_SECRET, installed);
      const stored = new Map<string, unknown>();
      for (let id = 0; id < WRITERS; id++) {
        for (let from = 0; ; from += 100) {
          const page = await call({
            requestURL: `${STORAGE}?queriableValue=w${id}&from=${from}&limit=100`,
            requestType: "GET",
          });
          expect(page.target, `page from ${from} of writer ${id}`).toBeDefined();
          const data = (page.target!.statusMessage as { data: { key: string; value: unknown }[] }).data;
          for (const item of data) stored.set(item.key, item.value);
          if (data.length < 100) break;
        }
      }
      expect(acknowledged.size).toBeGreaterThanOrEqual(200);
      for (const [key, value] of acknowledged) expect(stored.get(key), key).toEqual(value);
    } finally {
      second.child.kill("SIGTERM");
    }
  }, 60_000);
});
