import { relative } from "node:path";
import type { StartOptions } from "./resolve-start-options.js";
import type { CommandContext } from "./types.js";

/** What `start` knows once the emulator listens. */
export interface StartAnnouncement {
  url: string;
  extension: string;
  /** Config params the manifest marks mandatory: `install` needs a value for each. */
  mandatoryConfig: readonly string[];
  options: StartOptions;
}

/**
 * Prints `start`'s banner: the URL, what was loaded, and the next commands to run. With `--json`, one
 * `{"event":"listening",...}` line instead.
 *
 * @example
 * announceStart(context, { url: emulator.url, extension: "Hello Desk", mandatoryConfig: ["greeting"], options });
 */
export function announceStart(context: CommandContext, info: StartAnnouncement): void {
  if (context.json) {
    context.io.stdout.write(
      `${JSON.stringify({ event: "listening", url: info.url, extension: info.extension })}\n`,
    );
    return;
  }
  const { style } = context;
  const { options } = info;
  const shown = (path: string) => (path === ":memory:" ? path : relative(context.io.cwd, path) || path);
  const rows: [string, string][] = [
    ["extension", `${info.extension} (${shown(options.manifest)})`],
    ["resources", options.resources === undefined ? style.dim("none") : shown(options.resources)],
    ["database", shown(options.db)],
    ...(options.configFile === undefined
      ? []
      : ([["config", shown(options.configFile)]] as [string, string][])),
    ["invoke", `POST ${info.url}/api/v1/invoke?orgId=<orgId>`],
    ["admin", `${info.url}/_emulator/health`],
    ["dashboard", `${info.url}/_emulator/`],
  ];
  context.print(`${style.green("●")} desk-emulator listening on ${style.bold(info.url)}`);
  for (const [label, value] of rows) context.print(`  ${style.dim(label.padEnd(10))} ${value}`);

  const urlFlag = info.url === "http://127.0.0.1:4100" ? "" : ` --url ${info.url}`;
  const config = info.mandatoryConfig.map((name) => ` --config ${name}=<value>`).join("");
  context.print();
  context.print("In another terminal:");
  context.print(`  desk-emulator install --org 12345${config}${urlFlag}`);
  context.print(`  desk-emulator trigger onUpdate --installation <id>${urlFlag}`);
  context.print(`  desk-emulator logs${urlFlag}`);
  context.print(
    style.dim("install prints the securityContext; sign invoke calls with the manifest's secret."),
  );
  context.print(style.dim("Invoke calls are logged below. Press Ctrl+C to stop."));
}
