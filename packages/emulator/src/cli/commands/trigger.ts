import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { createAdminClient } from "../admin-client.js";
import { CliError } from "../cli-error.js";
import { formatCallback } from "../format-callback.js";
import type { CliCommand } from "../types.js";

/**
 * `desk-emulator trigger <event> --installation <id>`: signs and sends any platform event callback to the manifest's
 * callbackListener, like `stripe trigger`. Exit code 1 when the listener did not answer 2xx or has no URL.
 *
 * @example
 * await main(["trigger", "onUpdate", "--installation", "1", "--payload", "update.json"], io);
 */
export const triggerCommand: CliCommand = {
  name: "trigger",
  summary: "Sign and send a platform event callback to the extension's listener",
  usage: "<event> --installation <id> [options]",
  remote: true,
  positionals: { min: 1, max: 1 },
  details:
    "The body defaults to {event, orgId, securityContext} of the installation, signed with the manifest secret\n" +
    "(HASH header = HMAC-SHA256 of the raw body). --payload merges a JSON object over that default;\n" +
    "--raw-payload sends a file's text exactly as it is (to test how your listener handles odd bodies).\n" +
    "Any event name is sent; the manifest's callbackListener must have a URL for it.",
  options: {
    installation: {
      type: "string",
      valueName: "<id>",
      description: "The installation the event is for (required)",
    },
    payload: {
      type: "string",
      valueName: "<file>",
      description: "A JSON object merged over the default body",
    },
    "raw-payload": {
      type: "string",
      valueName: "<file>",
      description: "A file sent byte for byte as the body",
    },
  },
  examples: [
    "desk-emulator trigger onInstall --installation 1",
    "desk-emulator trigger onConfigParamAdd --installation 1 --payload ./config-event.json",
    "desk-emulator trigger onUpdate --installation 1 --raw-payload ./odd-body.txt --json",
  ],
  async run({ values, positionals }, context) {
    const event = positionals[0]!;
    const installationId = values["installation"];
    if (typeof installationId !== "string") {
      throw usage("trigger needs --installation <id> (see: desk-emulator installations)");
    }
    const payload = await readPayload(values, context.io.cwd);
    const outcome = await createAdminClient(context.url, { token: context.adminToken }).trigger(
      installationId,
      event,
      payload,
    );
    if (context.json) context.printJson(outcome);
    else context.print(formatCallback(outcome, context.style));
    if (outcome.skipped === true || outcome.url === null) {
      context.warn(`nothing sent: the manifest has no callbackListener URL for ${event}`);
      return 1;
    }
    if (outcome.ok) return 0;
    context.warn(`the listener did not accept ${event}`);
    return 1;
  },
};

async function readPayload(
  values: Readonly<Record<string, unknown>>,
  cwd: string,
): Promise<object | string | undefined> {
  const merged = values["payload"];
  const raw = values["raw-payload"];
  if (typeof merged === "string" && typeof raw === "string") {
    throw usage("use either --payload or --raw-payload, not both");
  }
  if (typeof raw === "string") return readText(raw, cwd);
  if (typeof merged !== "string") return undefined;
  const text = await readText(merged, cwd);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw usage(
      `--payload ${merged}: not valid JSON (${(error as Error).message}); use --raw-payload to send it as is`,
    );
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw usage(`--payload ${merged}: must hold a JSON object`);
  }
  return parsed;
}

async function readText(file: string, cwd: string): Promise<string> {
  try {
    return await readFile(resolve(cwd, file), "utf8");
  } catch (error) {
    throw usage(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function usage(message: string): CliError {
  return new CliError({ message: message, exitCode: 2, errorCode: "USAGE", command: "trigger" });
}
