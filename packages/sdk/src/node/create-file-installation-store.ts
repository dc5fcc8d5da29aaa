import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { DeskSdkError } from "../errors/desk-sdk-error.js";
import type { InstallationStore } from "../installation-store.js";
import {
  createInstallationStore,
  type InstallationStoreOptions,
} from "../stores/create-installation-store.js";
import type { InstallationRow } from "../stores/installation-rows.js";

/** The file's content: version 2 (version 1 files, without digests or tombstones, are read and upgraded). */
interface FileShape {
  version: 2;
  installations: InstallationRow[];
  /** `<orgId> <digest>` of every uninstalled securityContext. */
  tombstones: string[];
}

interface State {
  rows: Map<string, InstallationRow>;
  tombstones: Set<string>;
  changed: boolean;
}

interface Job {
  apply(state: State): unknown;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

const isString = (value: unknown): value is string => typeof value === "string";

// Rows of version 1 ({orgId, securityContext}) get their digest here, so tombstones work for them too.
function rowOf(value: unknown): InstallationRow | undefined {
  const row = value as Partial<InstallationRow> | null;
  if (!isString(row?.orgId) || !isString(row.securityContext)) return undefined;
  if (row.keyId === undefined && row.digest === undefined) {
    const digest = createHash("sha256").update(row.securityContext, "utf8").digest("hex");
    return { orgId: row.orgId, securityContext: row.securityContext, keyId: null, digest };
  }
  if (!(row.keyId === null || isString(row.keyId)) || !isString(row.digest)) return undefined;
  return { orgId: row.orgId, securityContext: row.securityContext, keyId: row.keyId, digest: row.digest };
}

/**
 * An installation store in one JSON file, for a single-process extension (a small server, a demo). Every write
 * goes to a temporary file that is then renamed over the old one, so a crash never leaves half a file; calls that
 * arrive while a write runs are applied together in the next one (one read, one write). A corrupt file is a
 * `DeskSdkError` (never quoting it), not an empty store. The file holds securityContexts (sealed with
 * `options.encryption`): it is created readable by its owner only (0600). `list` reads the whole file: for many
 * thousands of installations, or several processes, use SQLite, PostgreSQL or Redis.
 *
 * @example
 * import { createFileInstallationStore } from "@desk/sdk/node";
 *
 * const store = createFileInstallationStore("./data/installations.json");
 * await store.save({ orgId: event.orgId, securityContext: event.securityContext });
 */
export function createFileInstallationStore(
  path: string,
  options: InstallationStoreOptions = {},
): InstallationStore {
  let pending: Job[] = [];
  let draining = false;

  const read = async (): Promise<State> => {
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") {
        return { rows: new Map(), tombstones: new Set(), changed: false };
      }
      throw error;
    }
    let parsed: Partial<FileShape> | null;
    try {
      parsed = JSON.parse(text) as Partial<FileShape> | null;
    } catch {
      // No cause: V8's SyntaxError quotes the text around the fault, which can be part of a securityContext.
      parsed = null;
    }
    const list = parsed?.installations;
    const rows = Array.isArray(list) ? list.map(rowOf) : [undefined];
    const tombstones = parsed?.tombstones ?? [];
    // Refuse rather than read as empty: the next save would overwrite every installation.
    if (
      !rows.every((row) => row !== undefined) ||
      !Array.isArray(tombstones) ||
      !tombstones.every(isString)
    ) {
      throw new DeskSdkError({
        message: `installation file ${path} must be JSON of the form {"installations":[{orgId,securityContext}]}`,
      });
    }
    return {
      rows: new Map(rows.map((row) => [row.orgId, row])),
      tombstones: new Set(tombstones),
      changed: false,
    };
  };

  const write = async (state: State): Promise<void> => {
    await mkdir(dirname(path), { recursive: true });
    const temporary = `${path}.${randomUUID()}.tmp`;
    const data: FileShape = {
      version: 2,
      installations: [...state.rows.values()],
      tombstones: [...state.tombstones],
    };
    try {
      await writeFile(temporary, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  };

  // One read and at most one write for every job that arrived since the last round.
  const drain = async () => {
    draining = true;
    while (pending.length > 0) {
      const batch = pending;
      pending = [];
      try {
        const state = await read();
        const results = batch.map((job) => job.apply(state));
        if (state.changed) await write(state);
        for (const [i, job] of batch.entries()) job.resolve(results[i]);
      } catch (error) {
        for (const job of batch) job.reject(error);
      }
    }
    draining = false;
  };

  const run = <T>(apply: (state: State) => T): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      pending.push({ apply, resolve: resolve as (value: unknown) => void, reject });
      if (!draining) void drain();
    });

  const tomb = (orgId: string, digest: string) => `${orgId} ${digest}`;

  return createInstallationStore(
    {
      put: (row) =>
        run((state) => {
          if (state.tombstones.has(tomb(row.orgId, row.digest))) return false;
          state.rows.delete(row.orgId);
          state.rows.set(row.orgId, { ...row });
          state.changed = true;
          return true;
        }),
      get: (orgId) => run((state) => state.rows.get(orgId)),
      remove: (orgId, digest) =>
        run((state) => {
          const row = state.rows.get(orgId);
          for (const known of [digest, row?.digest]) {
            if (known !== undefined && !state.tombstones.has(tomb(orgId, known))) {
              state.tombstones.add(tomb(orgId, known));
              state.changed = true;
            }
          }
          if (!row) return false;
          state.rows.delete(orgId);
          state.changed = true;
          return true;
        }),
      page: (after, limit) =>
        run((state) =>
          [...state.rows.keys()]
            .filter((id) => after === undefined || id > after)
            .sort()
            .slice(0, limit)
            .map((id) => state.rows.get(id)!),
        ),
      async close() {},
    },
    options,
  );
}
