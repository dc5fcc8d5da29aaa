import type { InvokeClient } from "@desk/invoke-core";
import { logEntryShape } from "./answer-shape.js";
import { LogGroupFullError } from "./errors/log-group-full-error.js";
import { ExtensionDataValidationError } from "./errors/validation-error.js";
import { LOG_GROUP_MAX_ENTRIES } from "./limits.js";
import { EXTENSION_LOGS_PATH } from "./paths.js";
import { send } from "./send.js";
import type { CallOptions } from "./storage.js";

/**
 * A log to add.
 *
 * @example
 * await logs.add({ title: "synced", description: "42 tickets", reference: runId });
 */
export interface LogInput {
  title: string;
  description: string;
  /** Logs with the same reference form one group (1 parent + up to 9 sub logs). */
  reference?: string;
}

/**
 * A stored log as Desk answers it (spec 2.3); ids are strings, `logTime` is ISO-8601.
 *
 * @example
 * const { logId, parentLogId, logTime }: LogEntry = await logs.add({ title: "t", description: "d" });
 */
export interface LogEntry {
  logId: string;
  /** The group's parent log, or null for a parent. */
  parentLogId: string | null;
  extensionName: string;
  title: string;
  description: string;
  installationId: string;
  logTime: string;
}

/**
 * Logs bound to one reference; refuses the 11th entry client-side.
 *
 * @example
 * const group: LogGroup = logs.group();
 * await group.add({ title: "step 1", description: "..." });
 */
export interface LogGroup {
  readonly reference: string;
  /** Entries added (or being added) through this group. */
  readonly size: number;
  add(entry: Omit<LogInput, "reference">, options?: CallOptions): Promise<LogEntry>;
}

/**
 * The log API of one installation (spec 2.3).
 *
 * @example
 * const logs: Logs = createLogs(client);
 */
export interface Logs {
  add(entry: LogInput, options?: CallOptions): Promise<LogEntry>;
  /** A group bound to `reference`, a fresh UUID by default. */
  group(reference?: string): LogGroup;
}

/**
 * The log API (spec 2.3) of the installation `client` acts for. Logs expire after 3 days.
 *
 * @example
 * const logs = createLogs(client);
 * await logs.add({ title: "synced", description: "42 tickets" });
 * const run = logs.group();
 * await run.add({ title: "escalation", description: "ticket 42" }); // the parent
 * await run.add({ title: "issue created", description: "TRK-7" });  // a sub log
 */
export function createLogs(client: InvokeClient): Logs {
  const url = `${client.deskOrigin}${EXTENSION_LOGS_PATH}`;

  async function add(entry: LogInput, o: CallOptions = {}): Promise<LogEntry> {
    checkText("title", entry.title, 1);
    checkText("description", entry.description, 0);
    if (entry.reference !== undefined) checkText("reference", entry.reference, 1);
    const body = {
      title: entry.title,
      description: entry.description,
      ...(entry.reference === undefined ? {} : { reference: entry.reference }),
      installationId: "{{installationId}}",
    };
    return send(
      client,
      "logs.add",
      { url, method: "POST", body, ...(o.signal ? { signal: o.signal } : {}) },
      logEntryShape,
    );
  }

  return {
    add,
    group(reference = crypto.randomUUID()) {
      checkText("reference", reference, 1);
      let size = 0;
      return {
        reference,
        get size() {
          return size;
        },
        async add(entry, o) {
          if (size >= LOG_GROUP_MAX_ENTRIES)
            throw new LogGroupFullError({ reference, max: LOG_GROUP_MAX_ENTRIES });
          // Counted before the call, so concurrent adds cannot pass the limit together; given back if Desk refused.
          size++;
          try {
            return await add({ title: entry.title, description: entry.description, reference }, o);
          } catch (error) {
            size--;
            throw error;
          }
        },
      };
    },
  };
}

function checkText(field: string, value: unknown, minLength: number): void {
  if (typeof value !== "string") {
    throw new ExtensionDataValidationError({
      field,
      rule: "type",
      message: `must be a string, got ${typeof value}`,
    });
  }
  if (value.length < minLength) {
    throw new ExtensionDataValidationError({
      field,
      rule: "length",
      message: `must not be empty`,
      actual: value.length,
      limit: minLength,
    });
  }
}
