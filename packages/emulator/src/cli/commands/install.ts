import { createAdminClient } from "../admin-client.js";
import { formatCallback } from "../format-callback.js";
import { parsePairs } from "../parse-pairs.js";
import { parsePermissionStates } from "../parse-permission-states.js";
import type { CliCommand } from "../types.js";
import { warnAboutFailedCallbacks } from "../warn-about-failed-callbacks.js";

/**
 * `desk-emulator install`: installs the extension in an org, sends onInstall, and shows the securityContext once.
 *
 * @example
 * await main(["install", "--org", "12345", "--config", "greeting=Hello"], io);
 */
export const installCommand: CliCommand = {
  name: "install",
  summary: "Install the extension in an org (sends onInstall) and print its securityContext",
  usage: "[options]",
  remote: true,
  positionals: { min: 0, max: 0 },
  details:
    "The securityContext is printed here and nowhere else, because you need it to sign invoke calls by hand.\n" +
    "Treat it like a password. `--env` prints shell export lines, for eval.",
  options: {
    org: {
      type: "string",
      valueName: "<orgId>",
      description: "The org to install in (default: the emulator's)",
    },
    config: {
      type: "string",
      multiple: true,
      valueName: "<name=value>",
      description: "A config param value of the manifest (repeatable)",
    },
    permission: {
      type: "string",
      multiple: true,
      valueName: "<apiName=true|false>",
      description: "A permission state of resources.json (repeatable; default: its defaultState)",
    },
    env: {
      type: "boolean",
      description: "Print DESK_ORG_ID, DESK_INSTALLATION_ID and DESK_SECURITY_CONTEXT as shell exports",
    },
  },
  examples: [
    "desk-emulator install --org 12345",
    "desk-emulator install --config greeting=Hello --permission canConfigure=true",
    'eval "$(desk-emulator install --org 12345 --env)"',
  ],
  async run({ values }, context) {
    const config = parsePairs(strings(values["config"]), "install");
    const permissions = parsePermissionStates(strings(values["permission"]), "install");
    const org = values["org"];
    const result = await createAdminClient(context.url, { token: context.adminToken }).install({
      ...(typeof org === "string" ? { orgId: org } : {}),
      ...(Object.keys(config).length > 0 ? { config } : {}),
      ...(Object.keys(permissions).length > 0 ? { permissions } : {}),
    });

    if (context.json) {
      context.printJson(result);
    } else if (values["env"] === true) {
      context.print(`export DESK_ORG_ID=${shellQuote(result.orgId)}`);
      context.print(`export DESK_INSTALLATION_ID=${shellQuote(result.installationId)}`);
      context.print(`export DESK_SECURITY_CONTEXT=${shellQuote(result.securityContext)}`);
    } else {
      const { style } = context;
      context.print(
        `${style.green("✔")} Installed as installation ${style.bold(result.installationId)} in org ${style.bold(result.orgId)}`,
      );
      for (const outcome of result.callbacks) context.print(`  ${formatCallback(outcome, style)}`);
      context.print();
      context.print(
        "securityContext (shown only here, because you need it to sign invoke calls; keep it private):",
      );
      context.print(`  ${result.securityContext}`);
      context.print();
      context.print(style.dim(`Next: desk-emulator logs --installation ${result.installationId}`));
    }
    warnAboutFailedCallbacks(result.callbacks, context);
    return 0;
  },
};

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

// POSIX single quotes: nothing inside is special except the quote itself.
function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}
