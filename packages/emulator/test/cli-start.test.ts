import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { captureIo, helloManifest, runCli, writeHelloProjectFiles } from "./cli-helpers.js";

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "desk-emulator-start-"));
  const manifest = {
    ...helloManifest("http://127.0.0.1:9"),
    config: [{ name: "greeting", mandatory: true }],
  };
  await writeFile(join(folder, "plugin-manifest.json"), JSON.stringify(manifest));
  await writeFile(join(folder, "resources.json"), "{}\n");
  await writeHelloProjectFiles(folder);
});

afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe("desk-emulator start (in-process)", () => {
  it("prints the URL and a how-to, serves commands, and stops cleanly on a signal", async () => {
    const io = captureIo({ cwd: folder });
    const running = main(["start", "--port", "0", "--db", ":memory:"], io);
    const [, url] = await io.waitForStdout(/desk-emulator listening on (http:\/\/127\.0\.0\.1:\d+)\n/);
    expect(io.stdoutText()).toContain("  extension  Hello Desk (plugin-manifest.json)\n");
    expect(io.stdoutText()).toContain(`  invoke     POST ${url}/api/v1/invoke?orgId=<orgId>\n`);
    expect(io.stdoutText()).toContain(
      `desk-emulator install --org 12345 --config greeting=<value> --url ${url}\n`,
    );

    const listed = await runCli(["installations", "--url", url!, "--json"]);
    expect(listed).toEqual({ code: 0, stdout: `${JSON.stringify({ data: [] }, null, 2)}\n`, stderr: "" });

    // Every invoke call gets one log line, refusals included; the securityContext sent is never shown.
    expect((await unsignedInvoke(url!)).status).toBe(401);
    const [line] = await io.waitForStdout(/.*invoke GET .*\n/);
    expect(line).toMatch(
      /^\d\d:\d\d:\d\d {2}invoke GET https:\/\/desk\.zoho\.com\/api\/v1\/tickets {2}→ 401 INVALID_HASH {2}\d+ ms\n$/,
    );
    expect(io.stdoutText()).not.toContain("not-a-real-context");

    io.stop("SIGINT");
    expect(await running).toBe(0);
    expect(io.stdoutText()).toMatch(/desk-emulator stopped \(SIGINT\)\n$/);
    expect(io.stderrText()).toBe("");
    // Closed: the port no longer answers.
    expect((await runCli(["installations", "--url", url!])).code).toBe(3);
  });

  it("--json announces one machine-readable line per event", async () => {
    const io = captureIo({ cwd: folder });
    const running = main(["start", "--port", "0", "--db", ":memory:", "--json"], io);
    const [line] = await io.waitForStdout(/^\{.*\}\n/);
    expect(JSON.parse(line!)).toEqual({
      event: "listening",
      url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      extension: "Hello Desk",
    });
    await unsignedInvoke(JSON.parse(line!).url);
    const [invoke] = await io.waitForStdout(/\{"event":"invoke".*\}\n/);
    expect(JSON.parse(invoke!)).toEqual({
      event: "invoke",
      requestType: "GET",
      requestURL: "https://desk.zoho.com/api/v1/tickets",
      status: 401,
      errorCode: "INVALID_HASH",
      durationMs: expect.any(Number),
    });
    io.stop("SIGTERM");
    expect(await running).toBe(0);
    expect(io.stdoutText().slice(line!.length + invoke!.length)).toBe(
      `${JSON.stringify({ event: "stopped", signal: "SIGTERM" })}\n`,
    );
  });

  it("reads emulator.json from the working folder, with paths relative to it", async () => {
    const sub = join(folder, "with-config");
    await rm(sub, { recursive: true, force: true });
    await import("node:fs/promises").then((fs) => fs.mkdir(sub));
    await writeFile(
      join(sub, "emulator.json"),
      JSON.stringify({ port: 0, db: ":memory:", manifest: "../plugin-manifest.json", rateLimits: false }),
    );
    const io = captureIo({ cwd: sub });
    const running = main(["start"], io);
    await io.waitForStdout(/listening on/);
    expect(io.stdoutText()).toContain("  extension  Hello Desk (../plugin-manifest.json)\n");
    expect(io.stdoutText()).toContain("  config     emulator.json\n");
    io.stop();
    expect(await running).toBe(0);
  });

  it("a missing manifest exits 1 and says where it looked", async () => {
    const empty = await mkdtemp(join(tmpdir(), "desk-emulator-empty-"));
    try {
      const { code, stderr } = await runCli(["start", "--port", "0"], { cwd: empty });
      expect(code).toBe(1);
      expect(stderr).toBe(
        `desk-emulator: no manifest at ${join(empty, "plugin-manifest.json")}. Run in your extension's folder or pass --manifest <file>.\n`,
      );
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it("an invalid manifest exits 1 naming the file, the field and the rule", async () => {
    const { secret: _secret, ...withoutSecret } = helloManifest("http://127.0.0.1:9");
    await writeFile(join(folder, "bad-manifest.json"), JSON.stringify(withoutSecret));
    const { code, stderr } = await runCli(
      ["start", "--port", "0", "--db", ":memory:", "--manifest", "bad-manifest.json"],
      {
        cwd: folder,
      },
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(/^desk-emulator: could not start: .*bad-manifest\.json: secret: is required/);
  });

  it("a manifest that breaks Zoho's rules starts with one warning in zet's words; --strict refuses it", async () => {
    // The shape of Zoho's older samples: the Desk connection under connectors, not zohoAuthorisation.
    const older = {
      ...helloManifest("http://127.0.0.1:9"),
      connectors: [
        {
          connectionLinkName: "deskconnection",
          connectionName: "deskconnection",
          serviceName: "zlabs_integration",
          scope: ["Desk.tickets.ALL"],
        },
      ],
      type: "team",
    };
    await writeFile(join(folder, "older-manifest.json"), JSON.stringify(older));
    const io = captureIo({ cwd: folder });
    const running = main(
      ["start", "--port", "0", "--db", ":memory:", "--manifest", "older-manifest.json"],
      io,
    );
    await io.waitForStdout(/desk-emulator listening on/);
    io.stop("SIGINT");
    expect(await running).toBe(0);
    expect(io.stderrText()).toBe(
      [
        "warning: the extension breaks 2 of Zoho's DESK rules; zet validate would say:",
        " ==> The \"type\" property can be either 'personal' or 'org'.  (older-manifest.json: type)",
        " ==> The zoho services connection should be under the zohoAuthorisation key'deskconnection  (older-manifest.json: connectors[0].serviceName)",
        "The emulator runs the extension anyway; Desk's upload would refuse it (--strict refuses it here too).",
        "",
      ].join("\n"),
    );

    const strict = await runCli(
      ["start", "--port", "0", "--db", ":memory:", "--manifest", "older-manifest.json", "--strict"],
      { cwd: folder },
    );
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe(
      [
        "desk-emulator: could not start: older-manifest.json: type: The \"type\" property can be either 'personal' or 'org'. (zet validate; refused with strict); and 1 more:",
        "  older-manifest.json: connectors[0].serviceName: The zoho services connection should be under the zohoAuthorisation key'deskconnection",
        "",
      ].join("\n"),
    );
  });

  it("an invalid emulator.json exits 1 naming the field and the rule", async () => {
    await writeFile(join(folder, "bad-emulator.json"), JSON.stringify({ port: "4100", connections: {} }));
    const { code, stderr } = await runCli(["start", "--config", "bad-emulator.json"], { cwd: folder });
    expect(code).toBe(1);
    expect(stderr).toBe(
      `desk-emulator: ${join(folder, "bad-emulator.json")}: field "port": Invalid input: expected number, received string\n`,
    );
  });

  it("a port in use exits 1 and suggests --port", async () => {
    const first = captureIo({ cwd: folder });
    const running = main(["start", "--port", "0", "--db", ":memory:"], first);
    const [, port] = await first.waitForStdout(/listening on http:\/\/127\.0\.0\.1:(\d+)/);
    try {
      const { code, stderr } = await runCli(["start", "--port", port!, "--db", ":memory:"], { cwd: folder });
      expect(code).toBe(1);
      expect(stderr).toBe(
        `desk-emulator: could not start: 127.0.0.1:${port} is already in use (another emulator?). Stop it or pass --port.\n`,
      );
    } finally {
      first.stop();
      await running;
    }
  });
});

function unsignedInvoke(url: string): Promise<Response> {
  return fetch(`${url}/api/v1/invoke?orgId=1`, {
    method: "POST",
    body: new URLSearchParams({
      securityContext: "not-a-real-context",
      requestURL: "https://desk.zoho.com/api/v1/tickets",
      requestType: "GET",
    }),
  });
}
