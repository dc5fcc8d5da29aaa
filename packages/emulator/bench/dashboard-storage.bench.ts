import type { BenchSuite } from "../../../scripts/bench-types.js";
import { DASHBOARD_LIMITS } from "../src/constants.js";
import { createStores, type Stores } from "../src/store/create-stores.js";

const KEYS = 100_000;
const INSTALLATION = "4000000000001";
const PAGE = DASHBOARD_LIMITS.storagePageSize;

let stores: Stores;
let sorted: string[] = [];
let n = 0;

/** A cursor deep in the key space (pages 1,000 to 2,000 of 2,000), a different one each call. */
const deepCursor = () => sorted[KEYS / 2 + ((n++ * 7919) % (KEYS / 2 - PAGE))]!;

/** The dashboard's storage browser at 100k keys: a deep page costs what the first costs, unlike OFFSET paging. */
const suite: BenchSuite = {
  package: "@desk/emulator",
  title: `dashboard storage browser, 100k keys in one installation (page of ${PAGE})`,
  setup() {
    stores = createStores(":memory:");
    stores.installations.insert({ installationId: INSTALLATION, orgId: "1", installedAt: 0 });
    const rows = Array.from({ length: KEYS }, (_, i) => ({
      key: `ticket:${i}`,
      queriableValue: `q${i % 100}`,
      value: `{"n":${i}}`,
    }));
    for (let i = 0; i < rows.length; i += 10_000)
      stores.storage.upsert(INSTALLATION, rows.slice(i, i + 10_000));
    sorted = rows.map((row) => row.key).sort();
  },
  teardown() {
    stores.db.close();
  },
  cases: [
    {
      name: "deep page (keyset after a cursor in the second half)",
      subject: () => stores.storage.browse(INSTALLATION, { after: deepCursor() }, PAGE + 1),
      baseline: { name: "first page", fn: () => stores.storage.browse(INSTALLATION, {}, PAGE + 1) },
      references: [
        {
          name: "same deep page by OFFSET (StorageStore.find)",
          fn: () =>
            stores.storage.find(INSTALLATION, {}, KEYS / 2 + ((n++ * 7919) % (KEYS / 2 - PAGE)), PAGE),
        },
      ],
      target: 0.8,
    },
    {
      name: "what GET /_emulator/dashboard/storage reads: deep page + count capped at 1,000",
      subject: () => {
        stores.storage.browse(INSTALLATION, { prefix: "ticket:", after: deepCursor() }, PAGE + 1);
        return stores.storage.countUpTo(
          INSTALLATION,
          { prefix: "ticket:" },
          DASHBOARD_LIMITS.storageCountCap,
        );
      },
      baseline: {
        name: "storage API get by queriableValue (page of 20)",
        fn: () => stores.storage.find(INSTALLATION, { queriableValue: `q${n++ % 100}` }, 0, 20),
      },
      references: [
        {
          name: "uncapped count(*) over 100k keys",
          fn: () =>
            stores.db.prepare("SELECT count(*) FROM storage WHERE installation_id = ?").get(INSTALLATION),
        },
      ],
    },
  ],
};

export default suite;
