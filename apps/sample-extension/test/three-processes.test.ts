import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startTestEmulator, type TestEmulator } from "@desk/emulator/testing";
import { createDesk, type InstallationStore } from "@desk/sdk";
import { createPostgresInstallationStore } from "@desk/sdk/stores/postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findPostgres, type PostgresServer, startPostgres } from "../../../test/servers/postgres-server.js";
import { findRedis, type RedisServer, startRedis } from "../../../test/servers/redis-server.js";

// The emulator's clock runs 10 times faster than the wall clock: Desk's minute is 6 s here (long enough that three
// processes on a busy 2-core machine still write faster than Desk's 50 adds per minute).
const SPEED = 10;
const DESK_WINDOW_MS = 60_000;
const ADD_LIMIT = 50;
// The processes' limiter window, in real ms: Desk's minute at this speed, plus 50 ms for clock granularity.
const WINDOW_MS = DESK_WINDOW_MS / SPEED + 50;
const DURATION_MS = 13_000;

const root = fileURLToPath(new URL("../../../", import.meta.url));
const writerScript = fileURLToPath(new URL("./fixtures/storage-writer.ts", import.meta.url));
const manifest = {
  service: "DESK",
  secret: "three-processes-secret-0123456789",
  storage: true,
  whiteListedDomains: ["https://desk.zoho.com"],
};

interface Add {
  /** When Desk received it, on the emulator's clock. */
  arrivedAt: number;
  answered: number | undefined;
}

const available = findPostgres() !== undefined && findRedis() !== undefined;
let postgres: PostgresServer;
let redis: RedisServer;
let emulator: TestEmulator;
let store: InstallationStore;
let orgId: string;
let adds: Add[] = [];

interface Writer {
  /** Resolves once the process is set up and waiting. */
  ready: Promise<void>;
  go(): void;
  result: Promise<{ written: string[]; failed: string[] }>;
}

function startWriter(name: string, env: Record<string, string>): Writer {
  const child = spawn(process.execPath, ["--import", "tsx", writerScript], {
    cwd: root,
    env: { ...process.env, ...env, WRITER: name, ORG_ID: orgId, DESK_SECRET: manifest.secret },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  let setUp = () => {};
  const ready = new Promise<void>((resolve) => (setUp = resolve));
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
    if (stdout.startsWith("ready\n")) setUp();
  });
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const result = new Promise<{ written: string[]; failed: string[] }>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => {
      if (code !== 0) return reject(new Error(`writer ${name} exited with ${code}:\n${stderr}`));
      resolve(JSON.parse(stdout.trim().split("\n").at(-1)!));
    });
  });
  // A writer that dies before it is ready fails the wait too.
  return { ready: Promise.race([ready, result.then(() => {})]), go: () => child.stdin.end("go\n"), result };
}

// Three writers started together: each set up first (tsx, connections), then all told to go at once.
async function runWriters(names: string[], env: Record<string, string>) {
  const writers = names.map((name) => startWriter(name, env));
  await Promise.all(writers.map((writer) => writer.ready));
  for (const writer of writers) writer.go();
  return Promise.all(writers.map((writer) => writer.result));
}

// The most adds Desk received within any one of its windows.
function busiestWindow(list: readonly Add[]): number {
  const times = list.map((add) => add.arrivedAt).sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= DESK_WINDOW_MS) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

if (available) {
  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
    const start = Date.now();
    emulator = await startTestEmulator({
      manifest,
      now: () => start + (Date.now() - start) * SPEED,
      onInvoke: (event) => {
        if (event.requestType !== "POST" || !event.requestURL?.includes("/storage")) return;
        // Desk counts a call on arrival: the emulator's time now, less the call's duration at its speed.
        adds.push({ arrivedAt: emulator.now() - event.durationMs * SPEED, answered: event.targetStatus });
      },
    });
    const installed = await emulator.install();
    orgId = installed.orgId;
    store = createPostgresInstallationStore({ connectionString: postgres.url });
    expect(await store.save({ orgId, securityContext: installed.securityContext })).toBe(true);
  }, 120_000);

  afterAll(async () => {
    await store?.close();
    await emulator?.close();
    await Promise.all([postgres?.stop(), redis?.stop()]);
  }, 60_000);

  describe("three instances, one PostgreSQL store, one Redis limiter", () => {
    it("write storage for one installation as fast as they can: no 429, no write lost, Desk's rate kept", async () => {
      adds = [];
      const env = {
        DATABASE_URL: postgres.url,
        REDIS_URL: redis.url,
        DESK_BASE_URL: emulator.url,
        WINDOW_MS: String(WINDOW_MS),
        DURATION_MS: String(DURATION_MS),
      };
      const results = await runWriters(["a", "b", "c"], env);
      const written = results.flatMap((result) => result.written);

      expect(results.flatMap((result) => result.failed)).toEqual([]);
      expect(adds.filter((add) => add.answered !== 200)).toEqual([]);
      expect(adds.length).toBe(written.length);
      // Each instance got a share, and together they used more than one window's budget.
      for (const result of results) expect(result.written.length).toBeGreaterThan(0);
      expect(written.length).toBeGreaterThan(ADD_LIMIT);
      const busiest = busiestWindow(adds);
      expect(busiest).toBeLessThanOrEqual(ADD_LIMIT);

      // Every write is in Desk's storage, with its value.
      const inst = createDesk({ secret: manifest.secret, baseUrl: emulator.url }).installation(
        (await store.get(orgId))!,
      );
      const stored = new Map<string, unknown>();
      for await (const item of inst.storage.iterate({ queriableValue: "proof", pageSize: 100 })) {
        stored.set(item.key, item.value);
      }
      expect([...stored.keys()].sort()).toEqual([...written].sort());
      for (const key of written) {
        const [writer, n] = key.split(":");
        expect(stored.get(key)).toEqual({ writer, n: Number(n) });
      }
      const minutes =
        (Math.max(...adds.map((a) => a.arrivedAt)) - Math.min(...adds.map((a) => a.arrivedAt))) / 60_000;
      console.log(
        `three processes: ${written.length} adds in ${minutes.toFixed(2)} Desk minutes, busiest minute ${busiest} (limit ${ADD_LIMIT}), shares ${results.map((r) => r.written.length).join("/")}`,
      );
    }, 120_000);

    it("control: the same three with limits in memory only send Desk more than its budget, and get 429", async () => {
      adds = [];
      // A fresh minute for the installation: the previous test spent its budget.
      await new Promise((resolve) => setTimeout(resolve, WINDOW_MS));
      const env = {
        DATABASE_URL: postgres.url,
        REDIS_URL: "",
        DESK_BASE_URL: emulator.url,
        WINDOW_MS: String(WINDOW_MS),
        DURATION_MS: "5000",
      };
      const results = await runWriters(["x", "y", "z"], env);
      const refused = adds.filter((add) => add.answered === 429).length;
      console.log(
        `control, limits in memory: ${adds.length} adds, ${refused} answered 429, busiest minute ${busiestWindow(adds)}`,
      );
      expect(refused).toBeGreaterThan(0);
      expect(results.flatMap((result) => result.failed).length).toBeGreaterThan(0);
    }, 120_000);
  });
} else {
  it.skip("three processes: needs PostgreSQL and Redis (apt-get install postgresql redis-server)", () => {});
}
