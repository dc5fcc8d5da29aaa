import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { deriveWidgetTokenKey, verifyWidgetToken } from "../src/index.js";

// The built command (`node dist/main.js`), as a developer runs it by hand.
const main = fileURLToPath(new URL("../dist/main.js", import.meta.url));
const manifest = JSON.parse(readFileSync(new URL("../plugin-manifest.json", import.meta.url), "utf8"));
const run = (args: string[], env: Record<string, string> = {}) =>
  promisify(execFile)(process.execPath, [main, ...args], { env: { ...process.env, ...env } });

describe("node dist/main.js widget-url", () => {
  it("prints the widget's URL with a token for the org and user, signed with the manifest secret's key", async () => {
    const { stdout } = await run([
      "widget-url",
      "--org",
      "12345",
      "--user",
      "agent-1",
      "--ticket",
      "6000001",
    ]);
    const url = new URL(stdout.trim());
    expect(`${url.origin}${url.pathname}${url.search}`).toBe(
      "http://127.0.0.1:4200/app/widget.html?ticketId=6000001",
    );
    const token = new URLSearchParams(url.hash.slice(1)).get("token") ?? undefined;
    const verified = verifyWidgetToken(token, {
      key: deriveWidgetTokenKey(manifest.secret),
      now: () => new Date(),
    });
    expect(verified).toMatchObject({ orgId: "12345", userId: "agent-1" });
  });

  it("signs with DESK_SECRET when set, and names the port of PORT", async () => {
    const { stdout } = await run(["widget-url", "--org", "1", "--user", "u"], {
      DESK_SECRET: "other",
      PORT: "4999",
    });
    const url = new URL(stdout.trim());
    const token = new URLSearchParams(url.hash.slice(1)).get("token") ?? undefined;
    expect(url.port).toBe("4999");
    expect(
      verifyWidgetToken(token, { key: deriveWidgetTokenKey("other"), now: () => new Date() }),
    ).toMatchObject({
      orgId: "1",
    });
    expect(
      verifyWidgetToken(token, { key: deriveWidgetTokenKey(manifest.secret), now: () => new Date() }),
    ).toEqual({
      refused: "bad_signature",
    });
  });

  it("exits 2 with the usage when --org or --user is missing", async () => {
    const failed = (await run(["widget-url", "--org", "1"]).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => error,
    )) as { code: number; stderr: string };
    expect([failed.code, failed.stderr.trim()]).toEqual([
      2,
      "usage: sample-extension widget-url --org <orgId> --user <userId> [--ticket <ticketId>]",
    ]);
  });
});
