import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startEmulator } from "../src/index.js";
import { fixtureManifest, fixtureResources } from "./helpers/fixture.js";
import { invoker } from "./helpers/invoke.js";

const STORAGE = "https://desk.zoho.com/api/v1/installedExtensions/{{installationId}}/storage";

describe("restart with a file database", () => {
  const folder = mkdtempSync(join(tmpdir(), "desk-emulator-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("keeps installations, config, storage and valid securityContexts", async () => {
    const db = join(folder, "nested", "desk.db");
    const options = { manifest: fixtureManifest(), resources: fixtureResources(), port: 0, db };
    const first = await startEmulator(options);
    const installation = await first.install({ config: { trackerToken: "kept" } });
    await invoker(
      first.url,
      first.secret,
      installation,
    )({
      requestURL: STORAGE,
      requestType: "POST",
      postBody: '{"key":"survivor","queriableValue":"q","value":{"n":1}}',
    });
    await first.close();
    // close() closed the database too: the last connection checkpoints and removes the WAL file.
    expect(existsSync(`${db}-wal`)).toBe(false);

    const second = await startEmulator(options);
    try {
      const call = invoker(second.url, second.secret, installation);
      const answer = await call({
        requestURL: STORAGE,
        requestType: "GET",
        queryParams: '{"key":"survivor"}',
      });
      expect(answer.status).toBe(200);
      expect(answer.target?.statusMessage).toEqual({
        data: [{ key: "survivor", queriableValue: "q", value: { n: 1 } }],
      });
      const listed = (await (await fetch(`${second.url}/_emulator/installations`)).json()) as {
        data: unknown[];
      };
      expect(listed.data).toHaveLength(1);
    } finally {
      await second.close();
    }
  });

  it("a securityContext from another emulator database is refused", async () => {
    const a = await startEmulator({ manifest: fixtureManifest(), port: 0, db: join(folder, "a.db") });
    const b = await startEmulator({ manifest: fixtureManifest(), port: 0, db: join(folder, "b.db") });
    try {
      const fromA = await a.install({ orgId: "9" });
      await b.install({ orgId: "9" });
      const answer = await invoker(
        b.url,
        b.secret,
        fromA,
      )({ requestURL: STORAGE, requestType: "GET", queryParams: '{"key":"x"}' });
      expect(answer.status).toBe(401);
      expect(answer.body["errorCode"]).toBe("INVALID_SECURITY_CONTEXT");
    } finally {
      await a.close();
      await b.close();
    }
  });
});
