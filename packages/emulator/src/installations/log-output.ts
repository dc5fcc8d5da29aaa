import type { LogRow } from "../store/log-store.js";

/** A log as Desk answers it (spec 2.3), logTime in ISO-8601. */
export function logOutput(row: LogRow, extensionName: string) {
  return {
    logId: row.logId,
    parentLogId: row.parentLogId,
    extensionName,
    title: row.title,
    description: row.description,
    installationId: row.installationId,
    logTime: new Date(row.logTime).toISOString(),
  };
}
