import { LOG_TTL_MS } from "../constants.js";
import type { EmulatorContext } from "../context/emulator-context.js";
import { logOutput } from "./log-output.js";

/** Recent parent logs, newest first, each with its sub logs; expired logs are purged first. */
export function listLogs(context: EmulatorContext, installationId: string | undefined, limit: number) {
  const { logs } = context.stores;
  logs.purge(context.now() - LOG_TTL_MS);
  return logs.parents(installationId, limit).map((parent) => ({
    ...logOutput(parent, context.extensionName),
    reference: parent.reference,
    subLogs: logs.children(parent.logId).map((child) => logOutput(child, context.extensionName)),
  }));
}
