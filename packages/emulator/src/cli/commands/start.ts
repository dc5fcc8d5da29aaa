import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname, relative, resolve } from "node:path";
import type { Emulator } from "../../emulator-types.js";
import { CliError } from "../cli-error.js";
import { loadStartConfig, type StartConfig } from "../load-start-config.js";
import type { CliCommand, CommandContext } from "../types.js";

const DEFAULTS = {
  port: 4100,
  host: "127.0.0.1",
  manifest: "plugin-manifest.json",
  resources: "resources.json",
  db: ".desk-emulator/desk.db",
  config: "emulator.json",
} as const;

/**
 * `desk-emulator start`: runs the emulator in the foreground until SIGINT/SIGTERM, then closes server and database.
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
    "relative to its folder. resources.json is optional.",
  options: {
    port: {
      type: "string",
      valueName: "<port>",
      description: `Port to listen on, 0 = any free one (default ${DEFAULTS.port})`,
    },
    host: {
      type: "string",
      valueName: "<host>",
      description: `Interface to bind (default ${DEFAULTS.host})`,
    },
    manifest: {
      type: "string",
      valueName: "<file>",
      description: `The extension's manifest (default ./${DEFAULTS.manifest})`,
    },
    resources: {
      type: "string",
      valueName: "<file>",
      description: `The extension's resources (default: ${DEFAULTS.resources} beside the manifest, if present)`,
    },
    db: {
      type: "string",
      valueName: "<file>",
      description: `SQLite file, or :memory: (default ${DEFAULTS.db})`,
    },
    config: {
      type: "string",
      valueName: "<file>",
      description: `Emulator settings (default ./${DEFAULTS.config} when present)`,
    },
  },
  examples: [
    "desk-emulator start",
    "desk-emulator start --manifest ./plugin-manifest.json --resources ./resources.json --port 4100",
    "desk-emulator start --db :memory: --port 0 --json",
  ],
  async run({ values }, context) {
    const cwd = context.io.cwd;
    const file = (name: string) =>
      typeof values[name] === "string" ? resolve(cwd, values[name] as string) : undefined;
    const configFile = file("config") ?? existing(resolve(cwd, DEFAULTS.config));
    const config: StartConfig = configFile === undefined ? {} : await loadStartConfig(configFile);

    const port = values["port"] === undefined ? (config.port ?? DEFAULTS.port) : parsePort(values["port"]);
    const host = typeof values["host"] === "string" ? values["host"] : (config.host ?? DEFAULTS.host);
    const manifest = file("manifest") ?? config.manifest ?? resolve(cwd, DEFAULTS.manifest);
    // Like startEmulator's own default: resources.json beside the manifest, when there is one.
    const resources =
      file("resources") ?? config.resources ?? existing(resolve(dirname(manifest), DEFAULTS.resources));
    const dbValue = typeof values["db"] === "string" ? values["db"] : undefined;
    const db =
      dbValue === ":memory:"
        ? dbValue
        : dbValue !== undefined
          ? resolve(cwd, dbValue)
          : (config.db ?? resolve(cwd, DEFAULTS.db));

    if (!existsSync(manifest)) {
      throw new CliError(
        `no manifest at ${manifest}. Run in your extension's folder or pass --manifest <file>.`,
        { exitCode: 1, code: "MANIFEST_NOT_FOUND" },
      );
    }
    if (db !== ":memory:") await mkdir(dirname(db), { recursive: true });

    let emulator: Emulator;
    try {
      // Loaded here, not at the top: the other commands only speak HTTP and need no server or SQLite.
      const { startEmulator } = await import("../../start-emulator.js");
      emulator = await startEmulator({
        manifest,
        ...(resources === undefined ? {} : { resources }),
        port,
        host,
        db,
        ...(config.rateLimits === undefined ? {} : { rateLimits: config.rateLimits }),
        ...(config.connections === undefined ? {} : { connections: config.connections }),
        ...(config.targetTimeoutMs === undefined ? {} : { targetTimeoutMs: config.targetTimeoutMs }),
      });
    } catch (error) {
      throw startFailure(error, host, port);
    }

    const extension = await extensionName(emulator.url);
    announce(context, { url: emulator.url, extension, manifest, resources, db, configFile });
    const signal = await context.io.waitForStop();
    await emulator.close();
    if (context.json) context.printJson({ event: "stopped", signal });
    else context.print(`desk-emulator stopped (${signal})`);
    return 0;
  },
};

function announce(
  context: CommandContext,
  info: {
    url: string;
    extension: string | undefined;
    manifest: string;
    resources: string | undefined;
    db: string;
    configFile: string | undefined;
  },
): void {
  if (context.json) {
    // One line, so a script can read it as soon as it appears.
    context.io.stdout.write(
      `${JSON.stringify({ event: "listening", url: info.url, extension: info.extension ?? null })}\n`,
    );
    return;
  }
  const { style } = context;
  const shown = (path: string) => (path === ":memory:" ? path : relative(context.io.cwd, path) || path);
  const rows: [string, string][] = [
    ["extension", `${info.extension ?? "?"} (${shown(info.manifest)})`],
    ["resources", info.resources === undefined ? style.dim("none") : shown(info.resources)],
    ["database", shown(info.db)],
    ...(info.configFile === undefined ? [] : ([["config", shown(info.configFile)]] as [string, string][])),
    ["invoke", `POST ${info.url}/api/v1/invoke?orgId=<orgId>`],
    ["admin", `${info.url}/_emulator/health`],
  ];
  context.print(`${style.green("●")} desk-emulator listening on ${style.bold(info.url)}`);
  for (const [label, value] of rows) context.print(`  ${style.dim(label.padEnd(10))} ${value}`);
  const urlFlag = info.url === "http://127.0.0.1:4100" ? "" : ` --url ${info.url}`;
  context.print();
  context.print("In another terminal:");
  context.print(
    `  desk-emulator install --org 12345${urlFlag}     ${style.dim("# prints the securityContext for invoke calls")}`,
  );
  context.print(`  desk-emulator trigger onInstall --installation <id>${urlFlag}`);
  context.print(`  desk-emulator logs${urlFlag}`);
  context.print(style.dim("Sign invoke calls with the manifest's secret. Press Ctrl+C to stop."));
}

async function extensionName(url: string): Promise<string | undefined> {
  try {
    const response = await fetch(`${url}/_emulator/health`);
    const body = (await response.json()) as { extension?: unknown };
    return typeof body.extension === "string" ? body.extension : undefined;
  } catch {
    // Only cosmetic: the banner shows "?" instead of the name.
    return undefined;
  }
}

function parsePort(value: unknown): number {
  const text = String(value);
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65_535) {
    throw new CliError(`--port must be an integer from 0 to 65535, got "${text}"`, {
      exitCode: 2,
      code: "USAGE",
      command: "start",
    });
  }
  return Number(text);
}

function existing(path: string): string | undefined {
  return existsSync(path) ? path : undefined;
}

function startFailure(error: unknown, host: string, port: number): CliError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const message =
    code === "EADDRINUSE"
      ? `${host}:${port} is already in use (another emulator?). Stop it or pass --port.`
      : error instanceof Error
        ? error.message.replace(/^@desk\/emulator: /, "")
        : String(error);
  return new CliError(`could not start: ${message}`, {
    exitCode: 1,
    code: code ?? "START_FAILED",
    cause: error,
  });
}
