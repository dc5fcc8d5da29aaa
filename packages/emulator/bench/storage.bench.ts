import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { BenchCase, BenchSuite } from "../../../scripts/bench-types.js";
import { createStores, type Stores } from "../src/store/create-stores.js";

const KEYS = 100_000;
const GROUPS = 100;
const INSTALLATION = "4000000000001";
/** The sizes the storage API must serve alike: get and query are index lookups, flat in the number of keys. */
const SIZES = [1_000, 10_000, 100_000] as const;
/** queriableValues per size: each group holds 1/10 of the keys (100 at 1k, 10,000 at 100k), more than a page. */
const SCALED_GROUPS = 10;
/** What GET .../storage answers at most per call by default. */
const PAGE = 20;

let stores: Stores;
let bare: Database.Database;
let unindexed: Database.Statement;
let raw: Database.Statement;
let n = 0;
let folder: string;
/** One file database per size, as the emulator keeps them (WAL, on disk). */
const sized = new Map<number, Stores>();

function fill(db: Database.Database, indexed: boolean): void {
  db.exec(`CREATE TABLE IF NOT EXISTS plain (installation_id TEXT, key TEXT, queriable_value TEXT, value TEXT,
    PRIMARY KEY (installation_id, key)) WITHOUT ROWID`);
  if (indexed) return;
  const insert = db.prepare("INSERT INTO plain VALUES (?, ?, ?, ?)");
  db.transaction(() => {
    for (let i = 0; i < KEYS; i++) insert.run(INSTALLATION, `k${i}`, `q${i % GROUPS}`, '{"n":1}');
  })();
}

function storesWith(path: string, keys: number, groups: number): Stores {
  const created = createStores(path);
  created.installations.insert({ installationId: INSTALLATION, orgId: "1", installedAt: 0 });
  const rows = Array.from({ length: keys }, (_, i) => ({
    key: `k${i}`,
    queriableValue: `q${i % groups}`,
    value: `{"n":${i},"title":"ticket ${i}"}`,
  }));
  for (let i = 0; i < rows.length; i += 10_000)
    created.storage.upsert(INSTALLATION, rows.slice(i, i + 10_000));
  return created;
}

/** A different key each call, spread over the whole key space (7919 is prime, so every key comes round). */
const someKey = (size: number) => `k${(n++ * 7919) % size}`;
const get = (size: number) => () => {
  const rows = sized.get(size)!.storage.find(INSTALLATION, { key: someKey(size) }, 0, PAGE);
  if (rows.length !== 1) throw new Error(`get at ${size} keys found ${rows.length} rows`);
};
const query = (size: number) => () => {
  const group = `q${n++ % SCALED_GROUPS}`;
  const rows = sized.get(size)!.storage.find(INSTALLATION, { queriableValue: group }, 0, PAGE);
  if (rows.length !== PAGE) throw new Error(`query at ${size} keys found ${rows.length} rows`);
};

/** 100k keys against 1k (10k as a reference): the ratio is how flat the storage API's lookup stays. */
const flatCase = (name: string, at: (size: number) => () => void): BenchCase => ({
  name: `${name} at 100k keys`,
  subject: at(100_000),
  baseline: { name: "the same at 1k keys", fn: at(1_000) },
  references: [{ name: "the same at 10k keys", fn: at(10_000) }],
  target: 0.8,
});

/**
 * Query by queriableValue at 100k keys: the store (indexed) vs the same SQL bare, and vs no secondary index; and
 * storage get (by key) and query (by queriableValue, a page of 20) at 1k, 10k and 100k keys.
 */
const suite: BenchSuite = {
  package: "@desk/emulator",
  title: "storage get and query, 1k to 100k keys in one installation (page of 20)",
  setup() {
    stores = createStores(":memory:");
    stores.installations.insert({ installationId: INSTALLATION, orgId: "1", installedAt: 0 });
    const rows = Array.from({ length: KEYS }, (_, i) => ({
      key: `k${i}`,
      queriableValue: `q${i % GROUPS}`,
      value: '{"n":1}',
    }));
    for (let i = 0; i < rows.length; i += 10_000)
      stores.storage.upsert(INSTALLATION, rows.slice(i, i + 10_000));
    raw = stores.db.prepare(
      "SELECT key, queriable_value AS queriableValue, value FROM storage WHERE installation_id = ? AND queriable_value = ? ORDER BY key LIMIT ? OFFSET ?",
    );
    bare = new Database(":memory:");
    fill(bare, false);
    unindexed = bare.prepare(
      "SELECT key, queriable_value AS queriableValue, value FROM plain WHERE installation_id = ? AND queriable_value = ? ORDER BY key LIMIT ? OFFSET ?",
    );
    folder = mkdtempSync(join(tmpdir(), "desk-storage-bench-"));
    for (const size of SIZES) sized.set(size, storesWith(join(folder, `${size}.db`), size, SCALED_GROUPS));
  },
  teardown() {
    stores.db.close();
    bare.close();
    for (const each of sized.values()) each.db.close();
    sized.clear();
    rmSync(folder, { recursive: true, force: true });
  },
  cases: [
    {
      name: "StorageStore.find by queriableValue",
      subject: () => stores.storage.find(INSTALLATION, { queriableValue: `q${n++ % GROUPS}` }, 0, 20),
      baseline: {
        name: "same SQL, bare prepared statement",
        fn: () => raw.all(INSTALLATION, `q${n++ % GROUPS}`, 20, 0),
      },
      references: [
        {
          name: "no queriable_value index",
          fn: () => unindexed.all(INSTALLATION, `q${n++ % GROUPS}`, 20, 0),
        },
      ],
      target: 0.8,
    },
    flatCase("storage get (StorageStore.find by key)", get),
    flatCase("storage query (StorageStore.find by queriableValue, page of 20)", query),
  ],
};

export default suite;
