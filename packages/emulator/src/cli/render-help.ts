import { GLOBAL_OPTIONS } from "./global-options.js";
import type { CliCommand, CliOption, Style } from "./types.js";

const EXIT_CODES = "Exit codes: 0 ok, 1 operation failed, 2 usage error, 3 emulator not reachable.";

/**
 * The help text: the command list without a command, else that command's usage, options and examples.
 *
 * @example
 * io.stdout.write(renderHelp(COMMANDS, install, style));
 */
export function renderHelp(
  commands: readonly CliCommand[],
  command: CliCommand | undefined,
  style: Style,
): string {
  if (command === undefined) return renderOverview(commands, style);
  const globals = command.remote ? GLOBAL_OPTIONS : { json: GLOBAL_OPTIONS.json, help: GLOBAL_OPTIONS.help };
  const lines = [
    `${style.bold("Usage:")} desk-emulator ${command.name} ${command.usage}`.trimEnd(),
    "",
    command.summary,
    ...(command.details === undefined ? [] : ["", command.details]),
    "",
    ...(Object.keys(command.options).length === 0
      ? []
      : [style.bold("Options:"), ...optionLines(command.options), ""]),
    style.bold("Global options:"),
    ...optionLines(globals),
    "",
    style.bold("Examples:"),
    ...command.examples.map((example) => `  ${example}`),
    "",
    EXIT_CODES,
  ];
  return `${lines.join("\n")}\n`;
}

function renderOverview(commands: readonly CliCommand[], style: Style): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = [
    "desk-emulator: a local Zoho Desk for extension development and CI",
    "",
    `${style.bold("Usage:")} desk-emulator <command> [options]`,
    "",
    style.bold("Commands:"),
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    style.bold("Global options:"),
    ...optionLines({
      ...GLOBAL_OPTIONS,
      version: { type: "boolean", short: "v", description: "Print the version" },
    }),
    "",
    'Run "desk-emulator <command> --help" for a command\'s options and examples.',
    EXIT_CODES,
  ];
  return `${lines.join("\n")}\n`;
}

function optionLines(options: Readonly<Record<string, CliOption>>): string[] {
  const entries = Object.entries(options).map(([name, option]) => {
    const flag = `${option.short === undefined ? "    " : `-${option.short}, `}--${name}`;
    const value = option.valueName === undefined ? "" : ` ${option.valueName}`;
    const repeat = option.multiple === true ? " ..." : "";
    return { left: `${flag}${value}${repeat}`, description: option.description };
  });
  const width = Math.max(...entries.map((e) => e.left.length));
  return entries.map((e) => `  ${e.left.padEnd(width)}  ${e.description}`);
}
