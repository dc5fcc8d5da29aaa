import type { CliOption } from "./types.js";

/** Where commands look for the emulator when neither `--url` nor DESK_EMULATOR_URL is given. */
export const DEFAULT_EMULATOR_URL = "http://127.0.0.1:4100";

/**
 * Options every command accepts. `--url` only matters for commands that talk to a running emulator.
 *
 * @example
 * parseArgs({ args, options: { ...GLOBAL_OPTIONS, ...command.options } });
 */
export const GLOBAL_OPTIONS = {
  url: {
    type: "string",
    valueName: "<url>",
    description: `The running emulator (default: $DESK_EMULATOR_URL, else ${DEFAULT_EMULATOR_URL})`,
  },
  json: { type: "boolean", description: "Print raw JSON on stdout, for scripts" },
  help: { type: "boolean", short: "h", description: "Show help for the command" },
} as const satisfies Record<string, CliOption>;
