import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import type { Emulator } from "../../emulator-types.js";
import type { InvokeEvent } from "../../invoke/invoke-event.js";
import { announceStart } from "../announce-start.js";
import { CliError } from "../cli-error.js";
import { formatInvokeEvent } from "../format-invoke-event.js";
import { resolveStartOptions, START_DEFAULTS, type StartOptions } from "../resolve-start-options.js";
import type { CliCommand, CommandContext } from "../types.js";

/**
 * `desk-emulator start`: runs the emulator in the foreground, logs invoke calls, and on SIGINT/SIGTERM closes the
 * server and the database.
 *
 * @example
 * await main(["start", "--port", "0", "--db", ":memory:", "--manifest", "./plugin-manifest.json"], io);
 */
export const startCommand: CliCommand = {
  name: "start",
  summary: "Run the emulator in the foreground (Ctrl+C stops it)",
  usage: "[options]",
  remote: false,
  positionals: { min: 0, max: 0 },
  details:
    "Flags override emulator.json, which may also hold what has no flag: connections (connectionLinkName ->\n" +
    '{ "token": "..." }), rateLimits (false, or per-minute numbers) and targetTimeoutMs. Paths in it are\n' +
    "relative to its folder. Each invoke call is logged on one line (no HASH, secret or securityContext).\n" +
    'With --json, stdout is one JSON object per line: "listening", "invoke", "stopped".',
  options: {
    port: {
      type: "string",
      valueName: "<port>",
      description: `Port to listen on, 0 = any free one (default ${START_DEFAULTS.port})`,
    },
    host: {
      type: "string",
      valueName: "<host>",
      description: `Interface to bind (default ${START_DEFAULTS.host})`,
    },
    manifest: {
      type: "string",
      valueName: "<file>",
      description: `The extension's manifest (default ./${START_DEFAULTS.manifest})`,
    },
    resources: {
      type: "string",
      valueName: "<file>",
      description: `The extension's resources (default: ${START_DEFAULTS.resources} beside the manifest, if present)`,
    },
    db: {
      type: "string",
      valueName: "<file>",
      description: `SQLite file, or :memory: (default ${START_DEFAULTS.db})`,
    },
    config: {
      type: "string",
      valueName: "<file>",
      description: `Emulator settings (default ./${START_DEFAULTS.config} when present)`,
    },
    name: {
      type: "string",
      valueName: "<name>",
      description:
        "The extension's name in log answers (default: the manifest's name, else \"Desk extension\")",
    },
    "callback-org-id": {
      type: "string",
      valueName: "number|string",
      description:
        'How callbacks send orgId: a JSON number as Desk\'s docs show, or a string (default "number")',
    },
    strict: {
      type: "boolean",
      description:
        "Refuse a manifest or resources.json that breaks any of Zoho's DESK rules, as Desk's upload would",
    },
    quiet: { type: "boolean", short: "q", description: "Do not log invoke calls" },
  },
  examples: [
    "desk-emulator start",
    "desk-emulator start --manifest ./plugin-manifest.json --resources ./resources.json --port 4100",
    "desk-emulator start --db :memory: --port 0 --json",
  ],
  async run({ values }, context) {
    const options = await resolveStartOptions(values, context.io.cwd);
    if (!existsSync(options.manifest)) {
      throw new CliError({
        message: `no manifest at ${options.manifest}. Run in your extension's folder or pass --manifest <file>.`,
        exitCode: 1,
        errorCode: "MANIFEST_NOT_FOUND",
      });
    }
    if (options.db !== ":memory:") await mkdir(dirname(options.db), { recursive: true });

    const onInvoke = values["quiet"] === true ? undefined : (event: InvokeEvent) => logInvoke(context, event);
    let emulator: Emulator;
    let manifest: { config?: { name: string; mandatory?: unknown }[] | undefined };
    try {
      // Loaded here, not at the top: the other commands only speak HTTP and need no server or SQLite.
      const [{ startEmulator }, { loadManifestFile }] = await Promise.all([
        import("../../start-emulator.js"),
        import("../../manifest/load-manifest-file.js"),
      ]);
      manifest = loadManifestFile(options.manifest);
      emulator = await startEmulator({
        ...emulatorOptions(options),
        ...(onInvoke ? { onInvoke } : {}),
        ...(context.adminToken === undefined ? {} : { adminToken: context.adminToken }),
        onWarning: (text) => context.warn(text),
      });
    } catch (error) {
      throw startFailure(error, options);
    }

    announceStart(context, {
      url: emulator.url,
      extension: emulator.name,
      mandatoryConfig: (manifest.config ?? [])
        .filter((param) => param.mandatory === true)
        .map((param) => param.name),
      options,
    });
    const signal = await context.io.waitForStop();
    await emulator.close();
    if (context.json) context.io.stdout.write(`${JSON.stringify({ event: "stopped", signal })}\n`);
    else context.print(`desk-emulator stopped (${signal})`);
    return 0;
  },
};

function emulatorOptions({
  manifest,
  resources,
  port,
  host,
  db,
  name,
  strict,
  rateLimits,
  connections,
  targetTimeoutMs,
  callbackOrgId,
}: StartOptions) {
  return {
    manifest,
    port,
    host,
    db,
    ...(resources === undefined ? {} : { resources }),
    ...(name === undefined ? {} : { name }),
    ...(strict === undefined ? {} : { strict }),
    ...(rateLimits === undefined ? {} : { rateLimits }),
    ...(connections === undefined ? {} : { connections }),
    ...(targetTimeoutMs === undefined ? {} : { targetTimeoutMs }),
    ...(callbackOrgId === undefined ? {} : { callbackOrgId }),
  };
}

function logInvoke(context: CommandContext, event: InvokeEvent): void {
  if (context.json) context.io.stdout.write(`${JSON.stringify({ event: "invoke", ...event })}\n`);
  else context.print(formatInvokeEvent(event, context.style, new Date()));
}

function startFailure(error: unknown, { host, port }: StartOptions): CliError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const message =
    code === "EADDRINUSE"
      ? `${host}:${port} is already in use (another emulator?). Stop it or pass --port.`
      : error instanceof Error
        ? error.message.replace(/^@desk\/emulator: /, "")
        : String(error);
  return new CliError({
    message: `could not start: ${message}`,
    exitCode: 1,
    errorCode: code ?? "START_FAILED",
    cause: error,
  });
}
