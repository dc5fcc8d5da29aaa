import { createAdminClient } from "../admin-client.js";
import { renderTable } from "../render-table.js";
import type { CliCommand } from "../types.js";

/**
 * `desk-emulator installations`: lists installations (never their securityContext).
 *
 * @example
 * await main(["installations", "--json"], io);
 */
export const installationsCommand: CliCommand = {
  name: "installations",
  summary: "List installations",
  usage: "[options]",
  remote: true,
  positionals: { min: 0, max: 0 },
  options: {},
  examples: ["desk-emulator installations", "desk-emulator installations --json"],
  async run(_input, context) {
    const result = await createAdminClient(context.url, { token: context.adminToken }).installations();
    if (context.json) {
      context.printJson(result);
    } else if (result.data.length === 0) {
      context.print("No installations yet. Run: desk-emulator install");
    } else {
      context.print(
        renderTable(
          ["installationId", "orgId", "installedAt"],
          result.data.map((i) => [i.installationId, i.orgId, i.installedAt]),
          context.style.bold,
        ),
      );
    }
    return 0;
  },
};
