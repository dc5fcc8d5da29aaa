import { createAdminClient, type LogEntry } from "../admin-client.js";
import { CliError } from "../cli-error.js";
import type { CliCommand, Style } from "../types.js";

/**
 * `desk-emulator logs`: recent extension logs, newest first, each parent with its sub logs.
 *
 * @example
 * await main(["logs", "--installation", "1", "--limit", "5"], io);
 */
export const logsCommand: CliCommand = {
  name: "logs",
  summary: "Show recent extension logs, grouped parent / sub logs",
  usage: "[options]",
  remote: true,
  positionals: { min: 0, max: 0 },
  details: "Logs expire 3 days after their logTime (on the emulator's clock) and are then no longer listed.",
  options: {
    installation: { type: "string", valueName: "<id>", description: "Only this installation's logs" },
    limit: {
      type: "string",
      valueName: "<n>",
      description: "At most n parent logs (default: the emulator's)",
    },
  },
  examples: [
    "desk-emulator logs",
    "desk-emulator logs --installation 1 --limit 5",
    "desk-emulator logs --json",
  ],
  async run({ values }, context) {
    const installationId = values["installation"];
    const limit = parseLimit(values["limit"]);
    const result = await createAdminClient(context.url, { token: context.adminToken }).logs({
      ...(typeof installationId === "string" ? { installationId } : {}),
      ...(limit === undefined ? {} : { limit }),
    });
    if (context.json) {
      context.printJson(result);
    } else if (result.data.length === 0) {
      context.print("No logs. Extensions write them with POST /api/v1/extensionLogs through invoke.");
    } else {
      context.print(result.data.map((log) => formatGroup(log, context.style)).join("\n\n"));
    }
    return 0;
  },
};

function parseLimit(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  if (!/^[1-9]\d*$/.test(text)) {
    throw new CliError({
      message: `--limit must be a positive integer, got "${text}"`,
      exitCode: 2,
      errorCode: "USAGE",
      command: "logs",
    });
  }
  return Number(text);
}

function formatGroup(log: LogEntry, style: Style): string {
  const head = `${style.dim(formatTime(log.logTime))}  ${style.bold(log.title)}  ${style.dim(
    `installation ${log.installationId} · log ${log.logId}`,
  )}`;
  const lines = [head];
  if (log.description !== "") lines.push(`    ${log.description}`);
  const subs = log.subLogs ?? [];
  subs.forEach((sub, index) => {
    const branch = index === subs.length - 1 ? "└─" : "├─";
    const text = sub.description === "" ? sub.title : `${sub.title}: ${sub.description}`;
    lines.push(`  ${style.dim(branch)} ${style.dim(formatTime(sub.logTime))}  ${text}`);
  });
  return lines.join("\n");
}

// "2025-01-02T03:04:05.678Z" -> "2025-01-02 03:04:05Z": shorter, still unambiguous.
function formatTime(iso: string): string {
  return iso.replace("T", " ").replace(/\.\d+Z$/, "Z");
}
