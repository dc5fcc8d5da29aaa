import { CliError } from "./cli-error.js";
import { parsePairs } from "./parse-pairs.js";

/**
 * Turns `apiName=true|false` arguments into permission states; anything but `true` or `false` is a usage error.
 *
 * @example
 * parsePermissionStates(["canGreet=true"], "install"); // { canGreet: true }
 */
export function parsePermissionStates(items: readonly string[], command: string): Record<string, boolean> {
  const states: Record<string, boolean> = {};
  for (const [apiName, value] of Object.entries(parsePairs(items, command))) {
    if (value !== "true" && value !== "false") {
      throw new CliError({
        message: `permission "${apiName}" must be true or false, got "${value}"`,
        exitCode: 2,
        errorCode: "USAGE",
        command,
      });
    }
    states[apiName] = value === "true";
  }
  return states;
}
