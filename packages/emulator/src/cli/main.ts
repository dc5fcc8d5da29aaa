import { ADMIN_TOKEN_ENV, EMULATOR_VERSION } from "../constants.js";
import { CliError } from "./cli-error.js";
import { COMMANDS } from "./commands.js";
import { createStyle } from "./create-style.js";
import { DEFAULT_EMULATOR_URL } from "./global-options.js";
import { parseCommandLine } from "./parse-command-line.js";
import { renderHelp } from "./render-help.js";
import type { CliIo, CliValues, CommandContext } from "./types.js";

/**
 * Runs `desk-emulator` with the given arguments and resolves to the exit code: 0 ok, 1 the operation failed,
 * 2 usage error, 3 no emulator reachable. Never throws; errors go to `io.stderr`.
 *
 * @example
 * const code = await main(["installations", "--json"], createProcessIo());
 * process.exitCode = code;
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const out = createStyle(io.stdout, io.env);
  const err = createStyle(io.stderr, io.env);
  try {
    const parsed = parseCommandLine(argv, COMMANDS);
    if (parsed.kind === "version") {
      io.stdout.write(`${EMULATOR_VERSION}\n`);
      return 0;
    }
    if (parsed.kind === "help") {
      io.stdout.write(renderHelp(COMMANDS, parsed.command, out));
      return 0;
    }
    const json = parsed.values["json"] === true;
    const style = json ? createStyle(io.stdout, { NO_COLOR: "1" }) : out;
    const context: CommandContext = {
      io,
      json,
      url: emulatorUrl(parsed.values, io.env),
      adminToken: io.env[ADMIN_TOKEN_ENV] || undefined,
      style,
      print: (text = "") => io.stdout.write(`${text}\n`),
      warn: (text) => io.stderr.write(`${err.yellow("warning:")} ${text}\n`),
      printJson: (value) => io.stdout.write(`${JSON.stringify(value, null, 2)}\n`),
    };
    return await parsed.command.run({ values: parsed.values, positionals: parsed.positionals }, context);
  } catch (error) {
    io.stderr.write(`${err.red(`desk-emulator: ${withoutPackagePrefix(error)}`)}\n`);
    if (!CliError.isInstance(error)) return 1;
    if (error.exitCode === 2) {
      const topic = error.command === undefined ? "" : ` ${error.command}`;
      io.stderr.write(`Run "desk-emulator${topic} --help" for usage.\n`);
    }
    return error.exitCode;
  }
}

// Package errors read "@desk/emulator: ..."; on a terminal the command's own name is the clearer prefix.
function withoutPackagePrefix(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^@desk\/emulator: /, "");
}

function emulatorUrl(values: CliValues, env: Readonly<Record<string, string | undefined>>): string {
  const given =
    typeof values["url"] === "string" ? values["url"] : env["DESK_EMULATOR_URL"] || DEFAULT_EMULATOR_URL;
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    url = new URL("invalid:");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new CliError({
      message: `--url must be an http(s) URL like ${DEFAULT_EMULATOR_URL}, got "${given}"`,
      exitCode: 2,
      errorCode: "USAGE",
    });
  }
  return url.origin + url.pathname.replace(/\/+$/, "");
}
