import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closedUrl } from "./cli-helpers.js";

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL("..", import.meta.url));
const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const manifest = fileURLToPath(new URL("../examples/hello/plugin-manifest.json", import.meta.url));

// These tests run the BUILT bin, as users do. `pnpm test` builds first; a bare checkout builds here once.
beforeAll(async () => {
  if (existsSync(cli)) return;
  const tsup = createRequire(import.meta.url)
    .resolve("tsup/package.json")
    .replace(/package\.json$/, "dist/cli-default.js");
  await run(process.execPath, [tsup, "--silent"], { cwd: packageDir });
}, 120_000);

describe("the built desk-emulator bin", () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    if (child && child.exitCode === null) child.kill("SIGKILL");
  });

  it("start listens, serves a command from another process, and exits 0 on SIGTERM", async () => {
    child = spawn(
      process.execPath,
      [cli, "start", "--port", "0", "--db", ":memory:", "--manifest", manifest],
      {
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env, NO_COLOR: "1" },
      },
    );
    let stdout = "";
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const url = await new Promise<string>((resolve, reject) => {
      child!.stdout!.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
        if (match) resolve(match[1]!);
      });
      child!.once("exit", (code) => reject(new Error(`exited early with ${code}: ${stderr}`)));
    });

    const listed = await run(process.execPath, [cli, "installations", "--url", url, "--json"]);
    expect(JSON.parse(listed.stdout)).toEqual({ data: [] });

    const exited = new Promise<number | null>((resolve) => child!.once("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(stdout).toMatch(/desk-emulator stopped \(SIGTERM\)\n$/);
    expect(stderr).toBe("");
  });

  it("exits 3 when no emulator answers", async () => {
    const url = await closedUrl();
    const failure = await run(process.execPath, [cli, "logs", "--url", url]).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 3, stdout: "" });
    expect((failure as { stderr: string }).stderr).toContain(
      `no emulator reachable at ${url} (ECONNREFUSED)`,
    );
  });

  it("exits 2 on a usage error", async () => {
    const failure = await run(process.execPath, [cli, "install", "--nope"]).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 2 });
  });
});
