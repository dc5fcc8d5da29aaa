import { configSetCommand } from "./commands/config-set.js";
import { installCommand } from "./commands/install.js";
import { installationsCommand } from "./commands/installations.js";
import { logsCommand } from "./commands/logs.js";
import { permissionsSetCommand } from "./commands/permissions-set.js";
import { resetDataCommand } from "./commands/reset-data.js";
import { startCommand } from "./commands/start.js";
import { triggerCommand } from "./commands/trigger.js";
import { uninstallCommand } from "./commands/uninstall.js";
import type { CliCommand } from "./types.js";

/**
 * Every command of `desk-emulator`, in the order help lists them.
 *
 * @example
 * COMMANDS.map((command) => command.name); // ["start", "install", ...]
 */
export const COMMANDS: readonly CliCommand[] = [
  startCommand,
  installCommand,
  installationsCommand,
  uninstallCommand,
  configSetCommand,
  permissionsSetCommand,
  triggerCommand,
  logsCommand,
  resetDataCommand,
];
