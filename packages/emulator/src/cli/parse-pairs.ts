import { CliError } from "./cli-error.js";

/**
 * Turns `name=value` arguments into a record. The value may itself contain `=`; the name may not be empty.
 *
 * @example
 * parsePairs(["greeting=Hello", "apiKey=a=b"], "config set"); // { greeting: "Hello", apiKey: "a=b" }
 */
export function parsePairs(items: readonly string[], command: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const item of items) {
    const at = item.indexOf("=");
    if (at <= 0) {
      throw new CliError({
        message: `expected name=value, got "${item}"`,
        exitCode: 2,
        errorCode: "USAGE",
        command,
      });
    }
    result[item.slice(0, at)] = item.slice(at + 1);
  }
  return result;
}
