import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useEmulator } from "../src/testing.js";
import { helloManifest, hmacHex, runCli, startListener } from "./cli-helpers.js";

const SECRET = "hello_desk_secret_7f3a9c2e41";
const RESOURCES = {
  permissions: [
    { resourceName: "greetPermission", apiName: "canGreet", displayName: "Greet", defaultState: true },
    {
      resourceName: "configurePermission",
      apiName: "canConfigure",
      displayName: "Configure",
      defaultState: false,
    },
  ],
};

let listener: Awaited<ReturnType<typeof startListener>>;
let folder: string;
let url: string;

beforeAll(async () => {
  listener = await startListener();
});
afterAll(async () => {
  await listener?.close();
});
// The CLI's files (update.json, raw.txt) go in the emulator's temporary folder, removed with it.
const emulator = useEmulator(() => ({ manifest: helloManifest(listener.url), resources: RESOURCES }));
beforeAll(() => {
  url = emulator.url;
  folder = emulator.folder;
});

async function install(
  ...args: string[]
): Promise<{ installationId: string; orgId: string; securityContext: string }> {
  const { code, stdout } = await runCli(["install", "--url", url, "--json", ...args]);
  expect(code).toBe(0);
  return JSON.parse(stdout);
}

describe("desk-emulator install", () => {
  it("--json prints the admin API's answer and the listener gets a signed onInstall", async () => {
    const before = listener.received.length;
    const result = await install(
      "--org",
      "12345",
      "--config",
      "greeting=Hello",
      "--permission",
      "canConfigure=true",
    );
    expect(result.orgId).toBe("12345");
    expect(result.installationId).toMatch(/^\d+$/);
    expect(typeof result.securityContext).toBe("string");
    expect(result).toMatchObject({ callbacks: [{ event: "onInstall", ok: true, status: 200 }] });

    const callback = listener.received[before]!;
    expect(callback.path).toBe("/desk/callbacks/install");
    expect(callback.headers["hash"]).toBe(hmacHex(SECRET, callback.body));
    expect(JSON.parse(callback.body)).toEqual({
      event: "onInstall",
      orgId: 12345,
      securityContext: result.securityContext,
    });
  });

  it("prints the securityContext for people with the reason, and --env as shell exports", async () => {
    const human = await runCli(["install", "--url", url, "--org", "555"]);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(
      /^✔ Installed as installation \d+ in org 555\n {2}✔ onInstall {2}200 {2}\d+ ms {2}http:/,
    );
    expect(human.stdout).toContain(
      "securityContext (shown only here, because you need it to sign invoke calls; keep it private):\n  ",
    );

    const env = await runCli(["install", "--url", url, "--org", "556", "--env"]);
    expect(env.code).toBe(0);
    expect(env.stdout).toMatch(
      /^export DESK_ORG_ID='556'\nexport DESK_INSTALLATION_ID='\d+'\nexport DESK_SECURITY_CONTEXT='[^'\n]+'\n$/,
    );
  });

  it("warns (exit 0) when the listener refuses onInstall: the installation exists anyway", async () => {
    listener.setStatus(500);
    try {
      const { code, stdout, stderr } = await runCli(["install", "--url", url]);
      expect(code).toBe(0);
      expect(stdout).toContain("✖ onInstall  HTTP 500");
      expect(stderr).toMatch(
        /^warning: onInstall callback to http:\/\/127\.0\.0\.1:\d+\/desk\/callbacks\/install failed/,
      );
    } finally {
      listener.setStatus(200);
    }
  });
});

describe("desk-emulator installations", () => {
  it("lists installations without any securityContext", async () => {
    const { installationId, securityContext } = await install("--org", "777");
    const json = await runCli(["installations", "--url", url, "--json"]);
    expect(json.code).toBe(0);
    const listed = JSON.parse(json.stdout) as { data: { installationId: string; orgId: string }[] };
    expect(listed.data).toContainEqual(expect.objectContaining({ installationId, orgId: "777" }));
    expect(json.stdout).not.toContain(securityContext);

    const table = await runCli(["installations", "--url", url]);
    expect(table.stdout.split("\n")[0]).toMatch(/^installationId +orgId +installedAt$/);
    expect(table.stdout).toMatch(new RegExp(`\\n${installationId} +777 +\\d{4}-`));
    expect(table.stdout).not.toContain(securityContext);
  });
});

describe("desk-emulator config set / permissions set", () => {
  it("sets config params and shows secure ones masked, never the value given", async () => {
    const { installationId } = await install("--config", "greeting=Hello");
    const { code, stdout, stderr } = await runCli([
      "config",
      "set",
      installationId,
      "greeting=Hi there",
      "trackerToken=tkn_super_private",
      "--url",
      url,
    ]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain(`✔ Config of installation ${installationId}:`);
    expect(stdout).toMatch(/\ngreeting +Hi there\n/);
    expect(stdout).toMatch(/\ntrackerToken +\*{8}\n/);
    expect(stdout).not.toContain("tkn_super_private");
  });

  it("switches permissions and prints their states as JSON", async () => {
    const { installationId } = await install();
    const { code, stdout } = await runCli([
      "permissions",
      "set",
      installationId,
      "canGreet=false",
      "canConfigure=true",
      "--url",
      url,
      "--json",
    ]);
    expect(code).toBe(0);
    const { data } = JSON.parse(stdout) as { data: { apiName: string; isEnabled: boolean }[] };
    expect(data).toEqual(
      expect.arrayContaining([
        { apiName: "canGreet", isEnabled: false },
        { apiName: "canConfigure", isEnabled: true },
      ]),
    );
  });

  it("an emulator refusal exits 1 with its errorCode", async () => {
    const { code, stdout, stderr } = await runCli(["config", "set", "999999", "greeting=x", "--url", url]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^desk-emulator: [A-Z_]+: .+\n$/);
  });
});

describe("desk-emulator trigger", () => {
  it("sends the default body, signed over its raw bytes", async () => {
    const { installationId, securityContext } = await install("--org", "4242");
    const before = listener.received.length;
    const { code, stdout } = await runCli([
      "trigger",
      "onUpdate",
      "--installation",
      installationId,
      "--url",
      url,
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^✔ onUpdate {2}200 {2}\d+ ms {2}http:\/\/127\.0\.0\.1:\d+\/desk\/callbacks\/update\n$/,
    );
    const callback = listener.received[before]!;
    expect(callback.headers["hash"]).toBe(hmacHex(SECRET, callback.body));
    expect(JSON.parse(callback.body)).toEqual({ event: "onUpdate", orgId: 4242, securityContext });
  });

  it("--payload merges a JSON object over the default body", async () => {
    const { installationId, securityContext } = await install("--org", "4243");
    const file = join(folder, "update.json");
    await writeFile(file, JSON.stringify({ version: "1.2.0", orgId: "4243" }));
    const before = listener.received.length;
    const { code, stdout } = await runCli(
      [
        "trigger",
        "onUpdate",
        "--installation",
        installationId,
        "--payload",
        "update.json",
        "--url",
        url,
        "--json",
      ],
      { cwd: folder },
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ event: "onUpdate", ok: true, status: 200 });
    const callback = listener.received[before]!;
    expect(JSON.parse(callback.body)).toEqual({
      event: "onUpdate",
      orgId: "4243",
      securityContext,
      version: "1.2.0",
    });
    expect(callback.headers["hash"]).toBe(hmacHex(SECRET, callback.body));
  });

  it("--raw-payload sends the file byte for byte", async () => {
    const { installationId } = await install();
    const raw = '{ "event":"onUpdate",  "note": "spacing kept, é too" }\n';
    await writeFile(join(folder, "raw.txt"), raw);
    const before = listener.received.length;
    const { code } = await runCli(
      ["trigger", "onUpdate", "--installation", installationId, "--raw-payload", "raw.txt", "--url", url],
      { cwd: folder },
    );
    expect(code).toBe(0);
    expect(listener.received[before]!.body).toBe(raw);
    expect(listener.received[before]!.headers["hash"]).toBe(hmacHex(SECRET, raw));
  });

  it("exits 1 when the manifest has no listener for the event", async () => {
    const { installationId } = await install();
    const { code, stdout, stderr } = await runCli([
      "trigger",
      "onTPARevoke",
      "--installation",
      installationId,
      "--url",
      url,
    ]);
    expect(code).toBe(1);
    expect(stdout).toBe("– onTPARevoke  skipped: no callbackListener for it in the manifest\n");
    expect(stderr).toBe("warning: nothing sent: the manifest has no callbackListener URL for onTPARevoke\n");
  });

  it("exits 1 when the listener answers an error", async () => {
    const { installationId } = await install();
    listener.setStatus(503);
    try {
      const { code, stdout } = await runCli([
        "trigger",
        "onUpdate",
        "--installation",
        installationId,
        "--url",
        url,
      ]);
      expect(code).toBe(1);
      expect(stdout).toMatch(/^✖ onUpdate {2}HTTP 503/);
    } finally {
      listener.setStatus(200);
    }
  });
});

describe("desk-emulator logs", () => {
  async function writeLog(orgId: string, securityContext: string, log: object): Promise<void> {
    const fields = {
      requestURL: "https://desk.zoho.com/api/v1/extensionLogs",
      requestType: "POST",
      postBody: JSON.stringify({ ...log, installationId: "{{installationId}}" }),
    };
    const stringToHash = Object.entries(fields)
      .map(([name, value]) => `${name}=${value}`)
      .join("&");
    const response = await fetch(`${url}/api/v1/invoke?orgId=${orgId}`, {
      method: "POST",
      headers: { HASH: hmacHex(SECRET, stringToHash) },
      body: new URLSearchParams({ securityContext, ...fields }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { statusCode: number }).statusCode).toBe(200);
  }

  it("groups sub logs under their parent, newest parent first", async () => {
    const { installationId, orgId, securityContext } = await install();
    await writeLog(orgId, securityContext, {
      title: "greeted",
      description: "ticket 42",
      reference: "greet-42",
    });
    await writeLog(orgId, securityContext, {
      title: "stored",
      description: "greeting:42",
      reference: "greet-42",
    });
    await writeLog(orgId, securityContext, { title: "config read", description: "" });

    const json = await runCli(["logs", "--installation", installationId, "--url", url, "--json"]);
    expect(json.code).toBe(0);
    const { data } = JSON.parse(json.stdout) as { data: { title: string; subLogs: { title: string }[] }[] };
    expect(data.map((log) => log.title)).toEqual(["config read", "greeted"]);
    expect(data[1]!.subLogs.map((log) => log.title)).toEqual(["stored"]);

    const human = await runCli(["logs", "--installation", installationId, "--url", url]);
    expect(human.stdout).toMatch(
      new RegExp(
        `^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ {2}config read {2}installation ${installationId} · log \\d+\\n\\n` +
          `\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ {2}greeted {2}installation ${installationId} · log \\d+\\n` +
          " {4}ticket 42\\n" +
          " {2}└─ \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ {2}stored: greeting:42\\n$",
      ),
    );

    const limited = await runCli([
      "logs",
      "--installation",
      installationId,
      "--limit",
      "1",
      "--url",
      url,
      "--json",
    ]);
    expect((JSON.parse(limited.stdout) as { data: unknown[] }).data).toHaveLength(1);
  });
});

describe("desk-emulator uninstall", () => {
  it("uninstalls once; a second time is an emulator refusal (exit 1)", async () => {
    const { installationId } = await install();
    const first = await runCli(["uninstall", installationId, "--url", url]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      new RegExp(`^✔ Uninstalled installation ${installationId}\\n {2}✔ onUninstall {2}200`),
    );
    const second = await runCli(["uninstall", installationId, "--url", url]);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/^desk-emulator: [A-Z_]+: /);
  });
});
