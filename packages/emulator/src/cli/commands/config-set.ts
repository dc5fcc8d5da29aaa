import { createAdminClient } from "../admin-client.js";
import { formatCallback } from "../format-callback.js";
import { parsePairs } from "../parse-pairs.js";
import { renderTable } from "../render-table.js";
import type { CliCommand } from "../types.js";
import { warnAboutFailedCallbacks } from "../warn-about-failed-callbacks.js";

/**
 * `desk-emulator config set <installationId> name=value ...`: changes config params and sends the config events.
 *
 * @example
 * await main(["config", "set", "1", "greeting=Hi"], io);
 */
export const configSetCommand: CliCommand = {
  name: "config set",
  summary: "Set config params of an installation (sends the config events)",
  usage: "<installationId> <name=value> ...",
  remote: true,
  positionals: { min: 2, max: Number.POSITIVE_INFINITY },
  details: "Params declared `secure` in the manifest are shown masked.",
  options: {},
  examples: [
    "desk-emulator config set 1 greeting=Hello",
    "desk-emulator config set 1 apiToken=s3cr3t --json",
  ],
  async run({ positionals }, context) {
    const [installationId, ...pairs] = positionals;
    const values = parsePairs(pairs, "config set");
    const result = await createAdminClient(context.url, { token: context.adminToken }).setConfig(
      installationId!,
      values,
    );
    const callbacks = result.callbacks ?? [];
    if (context.json) {
      context.printJson(result);
    } else {
      const { style } = context;
      context.print(`${style.green("✔")} Config of installation ${style.bold(installationId!)}:`);
      context.print(
        renderTable(
          ["name", "value"],
          result.data.map((param) => [param.name, param.value]),
          style.bold,
        ),
      );
      for (const outcome of callbacks) context.print(`  ${formatCallback(outcome, style)}`);
    }
    warnAboutFailedCallbacks(callbacks, context);
    return 0;
  },
};
