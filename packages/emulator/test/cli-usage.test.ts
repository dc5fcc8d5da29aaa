import { describe, expect, it } from "vitest";
import { COMMANDS } from "../src/cli/commands.js";
import { createStyle } from "../src/cli/create-style.js";
import { parsePairs } from "../src/cli/parse-pairs.js";
import { renderTable } from "../src/cli/render-table.js";
import { EMULATOR_VERSION } from "../src/constants.js";
import { closedUrl, runCli } from "./cli-helpers.js";

describe("desk-emulator help and version", () => {
  it("lists every command in the overview", async () => {
    const { code, stdout, stderr } = await runCli(["--help"]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    for (const command of COMMANDS) expect(stdout).toContain(`  ${command.name}`);
    expect(stdout).toContain(
      "Exit codes: 0 ok, 1 operation failed, 2 usage error, 3 emulator not reachable.",
    );
  });

  it.each(COMMANDS.map((command) => command.name))("prints help for `%s --help`", async (name) => {
    const { code, stdout } = await runCli([...name.split(" "), "--help"]);
    expect(code).toBe(0);
    expect(stdout.split("\n")[0]).toMatch(new RegExp(`^Usage: desk-emulator ${name}\\b`));
    expect(stdout).toContain("Examples:");
  });

  it("`help <command>` equals `<command> --help`", async () => {
    expect((await runCli(["help", "config", "set"])).stdout).toBe(
      (await runCli(["config", "set", "-h"])).stdout,
    );
  });

  it("prints the version", async () => {
    expect(await runCli(["--version"])).toEqual({ code: 0, stdout: `${EMULATOR_VERSION}\n`, stderr: "" });
  });
});

describe("desk-emulator usage errors exit with 2 and say what is wrong", () => {
  const cases: [string[], string][] = [
    [[], "desk-emulator: missing command"],
    [["instal"], 'desk-emulator: unknown command "instal"'],
    [["config"], 'desk-emulator: "config" needs a subcommand: config set'],
    [["permissions", "get", "1"], 'desk-emulator: unknown command "permissions get"'],
    [["install", "--prot", "1"], "desk-emulator: Unknown option '--prot'"],
    [["install", "--org"], "desk-emulator: Option '--org <value>' argument missing"],
    [["install", "extra"], 'desk-emulator: unexpected argument "extra"'],
    [["install", "--config", "greeting"], 'desk-emulator: expected name=value, got "greeting"'],
    [
      ["install", "--permission", "canGreet=yes"],
      'desk-emulator: permission "canGreet" must be true or false, got "yes"',
    ],
    [["uninstall"], "desk-emulator: missing argument: desk-emulator uninstall <installationId>"],
    [
      ["config", "set", "1"],
      "desk-emulator: missing argument: desk-emulator config set <installationId> <name=value> ...",
    ],
    [["permissions", "set", "1", "canGreet"], 'desk-emulator: expected name=value, got "canGreet"'],
    [["trigger", "onUpdate"], "desk-emulator: trigger needs --installation <id>"],
    [
      ["trigger", "onUpdate", "--installation", "1", "--payload", "a.json", "--raw-payload", "b.txt"],
      "either --payload",
    ],
    [
      ["trigger", "onUpdate", "--installation", "1", "--payload", "no-such-file.json"],
      "cannot read no-such-file.json: ENOENT",
    ],
    [["logs", "--limit", "0"], 'desk-emulator: --limit must be a positive integer, got "0"'],
    [["installations", "--url", "ftp://127.0.0.1:4100"], "desk-emulator: --url must be an http(s) URL"],
    [["start", "--port", "70000"], 'desk-emulator: --port must be an integer from 0 to 65535, got "70000"'],
  ];

  it.each(cases)("%j", async (argv, message) => {
    const { code, stdout, stderr } = await runCli(argv);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(message);
    expect(stderr).toMatch(/Run "desk-emulator( [a-z ]+)? --help" for usage\.\n$/);
  });
});

describe("desk-emulator without a running emulator", () => {
  it("exits with 3 and says how to start one", async () => {
    const url = await closedUrl();
    const { code, stdout, stderr } = await runCli(["installations", "--url", url]);
    expect(code).toBe(3);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      `desk-emulator: no emulator reachable at ${url} (ECONNREFUSED).\n` +
        "Start one with `desk-emulator start`, or point at it with --url or DESK_EMULATOR_URL.\n",
    );
  });

  it("reads DESK_EMULATOR_URL when --url is absent", async () => {
    const url = await closedUrl();
    const { code, stderr } = await runCli(["logs", "--json"], { env: { DESK_EMULATOR_URL: url } });
    expect(code).toBe(3);
    expect(stderr).toContain(`no emulator reachable at ${url} (ECONNREFUSED)`);
  });
});

describe("CLI output helpers", () => {
  it("renderTable pads columns by their visible width", () => {
    const bold = createStyle({ write() {}, isTTY: true }, {}).bold;
    expect(
      renderTable(
        ["id", "org"],
        [
          ["1", "12345"],
          ["22", "7"],
        ],
        bold,
      ),
    ).toBe("\u001b[1mid\u001b[22m  \u001b[1morg\u001b[22m\n1   12345\n22  7");
  });

  it("colour follows the TTY, NO_COLOR and FORCE_COLOR", () => {
    const tty = { write() {}, isTTY: true };
    const pipe = { write() {}, isTTY: false };
    expect(createStyle(tty, {}).red("x")).toBe("\u001b[31mx\u001b[39m");
    expect(createStyle(tty, { NO_COLOR: "1" }).red("x")).toBe("x");
    expect(createStyle(pipe, {}).red("x")).toBe("x");
    expect(createStyle(pipe, { FORCE_COLOR: "1" }).enabled).toBe(true);
    expect(createStyle(tty, { FORCE_COLOR: "0" }).enabled).toBe(false);
  });

  it("parsePairs keeps '=' inside values", () => {
    expect(parsePairs(["greeting=Hello", "token=a=b", "empty="], "config set")).toEqual({
      greeting: "Hello",
      token: "a=b",
      empty: "",
    });
  });
});
