import { createAdminClient } from "../admin-client.js";
import { parsePermissionStates } from "../parse-permission-states.js";
import { renderTable } from "../render-table.js";
import type { CliCommand } from "../types.js";

/**
 * `desk-emulator permissions set <installationId> apiName=true|false ...`: switches custom permissions.
 *
 * @example
 * await main(["permissions", "set", "1", "canConfigure=true"], io);
 */
export const permissionsSetCommand: CliCommand = {
  name: "permissions set",
  summary: "Switch custom permissions of an installation on or off",
  usage: "<installationId> <apiName=true|false> ...",
  remote: true,
  positionals: { min: 2, max: Number.POSITIVE_INFINITY },
  options: {},
  examples: [
    "desk-emulator permissions set 1 canConfigure=true",
    "desk-emulator permissions set 1 canGreet=false",
  ],
  async run({ positionals }, context) {
    const [installationId, ...pairs] = positionals;
    const states = parsePermissionStates(pairs, "permissions set");
    const result = await createAdminClient(context.url, { token: context.adminToken }).setPermissions(
      installationId!,
      states,
    );
    if (context.json) {
      context.printJson(result);
      return 0;
    }
    const { style } = context;
    context.print(`${style.green("✔")} Permissions of installation ${style.bold(installationId!)}:`);
    context.print(
      renderTable(
        ["apiName", "enabled"],
        result.data.map((p) => [p.apiName, p.isEnabled ? style.green("true") : style.dim("false")]),
        style.bold,
      ),
    );
    return 0;
  },
};
