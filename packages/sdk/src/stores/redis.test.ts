import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findRedis, type RedisServer, startRedis } from "../../../../test/servers/redis-server.js";
import { describeInstallationStore } from "../testing/describe-installation-store.js";
import { createRedisInstallationStore } from "./redis.js";

const available = findRedis() !== undefined;
let server: RedisServer | undefined;
let admin: Redis;
let count = 0;
beforeAll(async () => {
  if (!available) return;
  server = await startRedis();
  admin = new Redis(server.url);
}, 60_000);
afterAll(async () => {
  await admin?.quit();
  await server?.stop();
}, 60_000);

// Every key under the prefix with everything in it, as the server holds it.
async function dump(prefix: string): Promise<string> {
  const keys = (await admin.keys(`${prefix}:*`)).sort();
  const values = await Promise.all(
    keys.map(async (key) => {
      const type = await admin.type(key);
      if (type === "hash") return admin.hgetall(key);
      if (type === "set") return admin.smembers(key);
      if (type === "zset") return admin.zrange(key, 0, -1);
      return admin.get(key);
    }),
  );
  return JSON.stringify(keys.map((key, i) => [key, values[i]]));
}

if (available) {
  describeInstallationStore("redis (a client of its own per store)", (options) => {
    const prefix = `conformance:${++count}`;
    const open = (again: typeof options) =>
      createRedisInstallationStore({ url: server!.url, prefix, ...again });
    return { store: open(options), readRaw: () => dump(prefix), reopen: open };
  });

  describe("createRedisInstallationStore", () => {
    it("uses a client it is given, leaves it open, and keeps its keys under the prefix", async () => {
      const client = new Redis(server!.url);
      const store = createRedisInstallationStore({ client, prefix: "given" });
      await store.save({ orgId: "3", securityContext: "sc-given" });
      await store.delete("3");
      await store.close();
      expect((await client.keys("given:*")).sort()).toEqual(["given:tomb:3"]);
      expect(await client.ping()).toBe("PONG");
      await client.quit();
    });
  });
} else {
  it.skip("redis store: redis-server is not installed (apt-get install redis-server)", () => {});
}
