import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SdkOptionsError } from "../errors/sdk-options-error.js";
import { describeInstallationStore } from "../testing/describe-installation-store.js";
import { createSqliteInstallationStore } from "./sqlite.js";

let folder: string;
let count = 0;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "desk-sdk-sqlite-"));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

// Every row of both tables, read with a connection of its own: what is on disk.
function dump(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
      name: string;
    }[];
    return JSON.stringify(tables.map(({ name }) => db.prepare(`SELECT * FROM ${name}`).all()));
  } finally {
    db.close();
  }
}

describeInstallationStore("sqlite (a file, as the store opens it)", (options) => {
  const path = join(folder, `store-${++count}.db`);
  return {
    store: createSqliteInstallationStore({ database: path, ...options }),
    readRaw: async () => dump(path),
    reopen: (again) => createSqliteInstallationStore({ database: path, ...again }),
  };
});

describe("createSqliteInstallationStore", () => {
  it("uses a database it is given, in the table named, and leaves it open on close", async () => {
    const db = new Database(":memory:");
    const store = createSqliteInstallationStore({ database: db, table: "my_installs" });
    await store.save({ orgId: "1", securityContext: "sc-given-db" });
    await store.close();
    expect(db.prepare("SELECT org_id FROM my_installs").all()).toEqual([{ org_id: "1" }]);
    db.close();
  });

  it("regression: a path in a missing folder failed; the folder is made, as the file store does", async () => {
    const store = createSqliteInstallationStore({ database: join(folder, "missing", "deeper", "desk.db") });
    expect(await store.save({ orgId: "8", securityContext: "sc-folder" })).toBe(true);
    await store.close();
  });

  it("two stores on one file (two processes) see each other's writes and tombstones", async () => {
    const path = join(folder, "shared.db");
    const a = createSqliteInstallationStore({ database: path });
    const b = createSqliteInstallationStore({ database: path });
    await a.save({ orgId: "5", securityContext: "sc-shared" });
    expect(await b.get("5")).toEqual({ orgId: "5", securityContext: "sc-shared" });
    expect(await b.delete("5")).toBe(true);
    expect(await a.save({ orgId: "5", securityContext: "sc-shared" })).toBe(false);
    await Promise.all([a.close(), b.close()]);
  });

  it("refuses a table name that is not a plain identifier, naming table", () => {
    let caught: unknown;
    try {
      createSqliteInstallationStore({ database: ":memory:", table: "x; DROP TABLE y" });
    } catch (error) {
      caught = error;
    }
    expect(SdkOptionsError.isInstance(caught)).toBe(true);
    expect(caught).toMatchObject({ field: "table", rule: "identifier" });
  });
});
