import { createAdminClient } from "../admin-client.js";
import { CliError } from "../cli-error.js";
import type { CliCommand } from "../types.js";

/**
 * `desk-emulator reset-data --org <orgId>`: puts the org's Desk data back to the seed.
 *
 * @example
 * await main(["reset-data", "--org", "12345", "--json"], io);
 */
export const resetDataCommand: CliCommand = {
  name: "reset-data",
  summary: "Put an org's Desk data (tickets, threads, comments, contacts, departments) back to the seed",
  usage: "--org <orgId>",
  remote: true,
  positionals: { min: 0, max: 0 },
  details:
    "Every org gets the same small data set at its first install: two departments, the agent myinfo answers,\n" +
    "three contacts and three tickets with threads and a comment. This removes what the extension wrote there\n" +
    "(tickets, imported channel messages, ...) and seeds it again. Installations, storage, config and logs stay.",
  options: {
    org: { type: "string", valueName: "<orgId>", description: "The org whose Desk data to reset (required)" },
  },
  examples: ["desk-emulator reset-data --org 12345", "desk-emulator reset-data --org 12345 --json"],
  async run({ values }, context) {
    const org = values["org"];
    if (typeof org !== "string" || org === "") {
      throw new CliError({
        message: "reset-data needs --org <orgId>",
        exitCode: 2,
        errorCode: "USAGE",
        command: "reset-data",
      });
    }
    const result = await createAdminClient(context.url, { token: context.adminToken }).resetData(org);
    if (context.json) {
      context.printJson(result);
    } else {
      const counts = Object.entries(result.counts)
        .map(([kind, count]) => `${count} ${kind}`)
        .join(", ");
      context.print(
        `${context.style.green("✔")} Reset the Desk data of org ${context.style.bold(result.orgId)}`,
      );
      context.print(`  ${counts}`);
    }
    return 0;
  },
};
