import { randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { DeskSdkError } from "../errors/desk-sdk-error.js";
import type { InstallationRecord, InstallationStore } from "../index.js";

interface FileShape {
  version: 1;
  installations: InstallationRecord[];
}

const isRecord = (value: unknown): value is InstallationRecord =>
  typeof (value as InstallationRecord | null)?.orgId === "string" &&
  typeof (value as InstallationRecord).securityContext === "string";

/**
 * An installation store in one JSON file, for a single-process extension (a small server, a demo). Every write
 * goes to a temporary file that is then renamed over the old one, so a crash never leaves half a file; writes of
 * this store run one at a time. A corrupt file is a `DeskSdkError` (never quoting it), not an empty store. The file holds securityContexts: it is created readable by its owner only (0600).
 *
 * @example
 * import { createFileInstallationStore } from "@desk/sdk/node";
 *
 * const store = createFileInstallationStore("./data/installations.json");
 * await store.save({ orgId: event.orgId, securityContext: event.securityContext });
 */
export function createFileInstallationStore(path: string): InstallationStore {
  let queue: Promise<unknown> = Promise.resolve();
  // Reads wait for earlier writes too, so a get after a save sees it.
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job, job);
    queue = run.catch(() => undefined);
    return run;
  };

  const read = async (): Promise<InstallationRecord[]> => {
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    }
    let parsed: Partial<FileShape> | null;
    try {
      parsed = JSON.parse(text) as Partial<FileShape> | null;
    } catch {
      // No cause: V8's SyntaxError quotes the text around the fault, which can be part of a securityContext.
      parsed = null;
    }
    const installations = parsed?.installations;
    // Refuse rather than read as empty: the next save would overwrite every installation.
    if (!Array.isArray(installations) || !installations.every(isRecord)) {
      throw new DeskSdkError({
        message: `installation file ${path} must be JSON of the form {"installations":[{orgId,securityContext}]}`,
      });
    }
    return installations;
  };

  const write = async (installations: InstallationRecord[]): Promise<void> => {
    await mkdir(dirname(path), { recursive: true });
    const temporary = `${path}.${randomUUID()}.tmp`;
    const data: FileShape = { version: 1, installations };
    try {
      await writeFile(temporary, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  };

  const copy = ({ orgId, securityContext }: InstallationRecord) => ({ orgId, securityContext });

  return {
    save: (record) =>
      serial(async () => {
        const others = (await read()).filter((item) => item.orgId !== record.orgId);
        await write([...others, copy(record)]);
      }),
    get: (orgId) => serial(async () => (await read()).find((item) => item.orgId === orgId)),
    delete: (orgId) =>
      serial(async () => {
        const all = await read();
        const rest = all.filter((item) => item.orgId !== orgId);
        if (rest.length === all.length) return false;
        await write(rest);
        return true;
      }),
    list: () => serial(read),
  };
}
