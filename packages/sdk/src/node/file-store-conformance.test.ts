import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { describeInstallationStore } from "../testing/describe-installation-store.js";
import { createFileInstallationStore } from "./create-file-installation-store.js";

let folder: string;
let count = 0;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "desk-sdk-file-conformance-"));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

describeInstallationStore("file", (options) => {
  const path = join(folder, `store-${++count}.json`);
  return {
    store: createFileInstallationStore(path, options),
    readRaw: () => readFile(path, "utf8").catch(() => ""),
    reopen: (again) => createFileInstallationStore(path, again),
  };
});
