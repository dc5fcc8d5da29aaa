import Database from "better-sqlite3";
import type { BenchSuite } from "../../../scripts/bench-types.js";
import { createStores, type Stores } from "../src/store/create-stores.js";

const KEYS = 100_000;
const GROUPS = 100;
const INSTALLATION = "4000000000001";

let stores: Stores;
let bare: Database.Database;
let unindexed: Database.Statement;
let raw: Database.Statement;
let n = 0;

function fill(db: Database.Database, indexed: boolean): void {
  db.exec(`CREATE TABLE IF NOT EXISTS plain (installation_id TEXT, key TEXT, queriable_value TEXT, value TEXT,
    PRIMARY KEY (installation_id, key)) WITHOUT ROWID`);
  if (indexed) return;
  const insert = db.prepare("INSERT INTO plain VALUES (?, ?, ?, ?)");
  db.transaction(() => {
    for (let i = 0; i < KEYS; i++) insert.run(INSTALLATION, `k${i}`, `q${i % GROUPS}`, '{"n":1}');
  })();
}

/** Query by queriableValue at 100k keys: the store (indexed) vs the same SQL bare, and vs no secondary index. */
const suite: BenchSuite = {
  package: "@desk/emulator",
  title: "storage query by queriableValue, 100k keys in one installation (page of 20)",
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
  },
  teardown() {
    stores.db.close();
    bare.close();
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
  ],
};

export default suite;
