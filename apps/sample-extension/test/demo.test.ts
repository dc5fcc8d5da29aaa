import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";

// `npm run demo` is install + build + this script; the tests run the script on the tree `npm test` has built.
const root = new URL("../../../", import.meta.url);
const demo = new URL("scripts/demo.mjs", root).pathname;
const manifest = JSON.parse(readFileSync(new URL("../plugin-manifest.json", import.meta.url), "utf8"));
const children: ChildProcess[] = [];

function runDemo(...args: string[]) {
  return runScript(["--skip-setup", ...args], { ...process.env, NO_COLOR: "1" });
}

function runScript(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [demo, ...args], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  const printed = (text: string) =>
    new Promise<string>((resolve, reject) => {
      const check = () => (stdout.includes(text) ? resolve(stdout) : undefined);
      child.stdout.on("data", check);
      child.on("close", () =>
        reject(new Error(`the demo ended without printing ${text}:\n${stdout}${stderr}`)),
      );
      check();
    });
  return { child, exited, printed, output: () => ({ stdout, stderr }) };
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

describe("the demo (scripts/demo.mjs)", () => {
  it("tells the story in numbered steps, exits 0, prints no warning and nothing secret", async () => {
    const run = runDemo();
    const code = await run.exited;
    const { stdout, stderr } = run.output();
    expect([code, stderr]).toEqual([0, ""]);
    const steps = stdout.split("\n").filter((line) => /^\d+\. /.test(line));
    expect(steps).toEqual([
      "1. Start a local Desk, the stand-in tracker and the extension",
      "2. Install Escalation Desk in org 60001",
      "3. The widget gets a token for agent-1 in org 60001",
      "4. Escalate two tickets: each creates a tracker issue through invoke",
      "5. Escalate #101 again",
      "6. What the extension stored and logged",
      "7. An admin revokes canEscalate",
      "8. An admin changes a config param: trackerProject=OPS",
      "9. Uninstall",
    ]);
    expect(stdout).toContain("-> 200 created=false, the same issue ESC-1; the tracker saw 0 requests");
    expect(stdout).toContain("#103 -> 403 forbidden");
    expect(stdout).toContain("Done. 3 tracker issues (ESC-1, ESC-2, OPS-1)");
    // Regression: the installation count read a page object as an array and printed "undefined".
    expect(stdout).toContain("the extension knows 0 installations");
    expect(stdout).not.toContain("undefined");
    expect(stdout.split("\n").length).toBeLessThanOrEqual(100);
    expect(stdout).not.toMatch(/warn/i);
    for (const secret of [manifest.secret, "trk_demo_", "1000.demo.", "v1.ey"])
      expect(stdout).not.toContain(secret);
  }, 60_000);

  it("shows the setup's output when a step fails, and exits with its code", async () => {
    // No npx on PATH: the install step cannot start.
    const run = runScript([], { ...process.env, NO_COLOR: "1", PATH: "/nonexistent" });
    expect(await run.exited).toBe(1);
    expect(run.output().stdout).toBe(
      "Installing dependencies (output shown only if it fails) ... \ninstall failed (exit 1). Its output:\n\n" +
        "scripts/pnpm.mjs: could not run npx: spawnSync npx ENOENT\n",
    );
  }, 60_000);

  it("--keep leaves everything running: the printed widget URL works, and SIGTERM stops it", async () => {
    const run = runDemo("--keep");
    const stdout = await run.printed("Press Ctrl+C to stop.");
    const widgetUrl = /widget {5}(\S+)/.exec(stdout)?.[1] ?? "";
    const dashboard = /dashboard {2}(\S+)/.exec(stdout)?.[1] ?? "";
    expect(dashboard).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/_emulator\/$/);
    const board = await fetch(dashboard);
    expect([board.status, board.headers.get("content-type")?.toLowerCase()]).toEqual([
      200,
      "text/html; charset=utf-8",
    ]);
    const page = await fetch(widgetUrl);
    expect([page.status, page.headers.get("content-type")]).toEqual([200, "text/html; charset=utf-8"]);

    // What the widget does with its URL: the token from the fragment, the ticket from the query.
    const url = new URL(widgetUrl);
    const token = new URLSearchParams(url.hash.slice(1)).get("token");
    const ticketId = url.searchParams.get("ticketId");
    const escalated = await fetch(`${url.origin}/escalate/${ticketId}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}` },
    });
    expect([
      escalated.status,
      ((await escalated.json()) as { escalation: { issueKey: string } }).escalation.issueKey,
    ]).toEqual([200, "ESC-1"]);

    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(0);
  }, 60_000);
});
