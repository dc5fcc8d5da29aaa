import { createAdminClient } from "../admin-client.js";
import { formatCallback } from "../format-callback.js";
import type { CliCommand } from "../types.js";
import { warnAboutFailedCallbacks } from "../warn-about-failed-callbacks.js";

/**
 * `desk-emulator uninstall <installationId>`: sends onUninstall and removes the installation's data.
 *
 * @example
 * await main(["uninstall", "1"], io);
 */
export const uninstallCommand: CliCommand = {
  name: "uninstall",
  summary: "Uninstall an installation (sends onUninstall, removes its data)",
  usage: "<installationId>",
  remote: true,
  positionals: { min: 1, max: 1 },
  options: {},
  examples: ["desk-emulator uninstall 1"],
  async run({ positionals }, context) {
    const result = await createAdminClient(context.url, { token: context.adminToken }).uninstall(
      positionals[0]!,
    );
    if (context.json) {
      context.printJson(result);
    } else {
      context.print(
        `${context.style.green("✔")} Uninstalled installation ${context.style.bold(result.installationId)}`,
      );
      for (const outcome of result.callbacks) context.print(`  ${formatCallback(outcome, context.style)}`);
    }
    warnAboutFailedCallbacks(result.callbacks, context);
    return 0;
  },
};
