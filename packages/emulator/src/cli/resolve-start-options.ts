import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { CliError } from "./cli-error.js";
import { loadStartConfig, type StartConfig } from "./load-start-config.js";
import type { CliValues } from "./types.js";

/** Defaults of `desk-emulator start`, relative to the working folder. */
export const START_DEFAULTS = {
  port: 4100,
  host: "127.0.0.1",
  manifest: "plugin-manifest.json",
  resources: "resources.json",
  db: ".desk-emulator/desk.db",
  config: "emulator.json",
} as const;

/** Everything `start` needs, with absolute paths. */
export interface StartOptions extends Omit<StartConfig, "manifest" | "resources" | "db" | "port" | "host"> {
  port: number;
  host: string;
  manifest: string;
  resources: string | undefined;
  db: string;
  configFile: string | undefined;
}

/**
 * Merges `start`'s flags over emulator.json over the defaults. Paths on the command line are relative to `cwd`,
 * paths in emulator.json to its folder.
 *
 * @example
 * const options = await resolveStartOptions({ port: "0", db: ":memory:" }, process.cwd());
 */
export async function resolveStartOptions(values: CliValues, cwd: string): Promise<StartOptions> {
  const flag = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : undefined);
  const path = (name: string) => {
    const value = flag(name);
    return value === undefined ? undefined : resolve(cwd, value);
  };
  const configFile = path("config") ?? existing(resolve(cwd, START_DEFAULTS.config));
  const { port, host, manifest, resources, db, name, strict, ...rest } =
    configFile === undefined ? ({} as StartConfig) : await loadStartConfig(configFile);

  const manifestPath = path("manifest") ?? manifest ?? resolve(cwd, START_DEFAULTS.manifest);
  const dbFlag = flag("db");
  return {
    ...rest,
    port: flag("port") === undefined ? (port ?? START_DEFAULTS.port) : parsePort(flag("port")!),
    ...(flag("callback-org-id") === undefined
      ? {}
      : { callbackOrgId: parseCallbackOrgId(flag("callback-org-id")!) }),
    host: flag("host") ?? host ?? START_DEFAULTS.host,
    ...((flag("name") ?? name) ? { name: (flag("name") ?? name)! } : {}),
    // --strict wins over emulator.json; without either, the emulator's default (not strict).
    ...(values["strict"] === true ? { strict: true } : strict === undefined ? {} : { strict }),
    manifest: manifestPath,
    // Like startEmulator's own default: resources.json beside the manifest, when there is one.
    resources:
      path("resources") ?? resources ?? existing(resolve(dirname(manifestPath), START_DEFAULTS.resources)),
    db: dbFlag === ":memory:" ? dbFlag : (path("db") ?? db ?? resolve(cwd, START_DEFAULTS.db)),
    configFile,
  };
}

function parseCallbackOrgId(text: string): "number" | "string" {
  if (text === "number" || text === "string") return text;
  throw new CliError({
    message: `--callback-org-id must be "number" or "string", got "${text}"`,
    exitCode: 2,
    errorCode: "USAGE",
    command: "start",
  });
}

function parsePort(text: string): number {
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65_535) {
    throw new CliError({
      message: `--port must be an integer from 0 to 65535, got "${text}"`,
      exitCode: 2,
      errorCode: "USAGE",
      command: "start",
    });
  }
  return Number(text);
}

function existing(path: string): string | undefined {
  return existsSync(path) ? path : undefined;
}
