import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { EmulatorError, KEY_ENV, KEY_FILE_SUFFIX, startEmulator } from "../src/index.js";
import { fixtureManifest, fixtureResources } from "./helpers/fixture.js";
import { invoker } from "./helpers/invoke.js";
import { startTestServer, type TestServer } from "./helpers/test-server.js";

const SECURE = "s3cure-Value-9f8e7d";
const CONFIG = "https://desk.zoho.com/api/v1/installedExtensions/{{installationId}}/configParams";

describe("issue 11, finding 3: key material lives outside the database, secure config values are sealed at rest", () => {
  let folder: string;
  let target: TestServer;
  const options = (db: string) => ({
    manifest: fixtureManifest({ whiteListedDomains: ["https://desk.zoho.com", target.origin] }),
    resources: fixtureResources(),
    port: 0,
    db,
  });
  const fileBytes = (db: string) =>
    Buffer.concat([db, `${db}-wal`].filter(existsSync).map((path) => readFileSync(path))).toString("latin1");

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), "desk-emulator-keys-"));
    target = await startTestServer();
  });
  afterAll(async () => {
    await target.close();
    rmSync(folder, { recursive: true, force: true });
  });
  afterEach(() => {
    delete process.env[KEY_ENV];
  });

  it("finding 3: the database holds no key and no secure value in clear; the key file beside it is 0600", async () => {
    const db = join(folder, "a", "desk.db");
    const first = await startEmulator(options(db));
    const installation = await first.install({ config: { trackerToken: SECURE } });
    await first.close();

    const keyFile = `${db}${KEY_FILE_SUFFIX}`;
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const key = readFileSync(keyFile, "utf8").trim();
    const bytes = fileBytes(db);
    expect(bytes).not.toContain(SECURE);
    expect(bytes).not.toContain(key);
    expect(bytes).not.toContain(Buffer.from(key, "base64url").toString("latin1"));
    const raw = new Database(db, { readonly: true });
    try {
      expect(raw.prepare("SELECT key FROM meta").all()).toEqual([]);
      const row = raw
        .prepare("SELECT value, sealed FROM config_params WHERE name = 'trackerToken'")
        .get() as {
        value: string;
        sealed: number;
      };
      expect(row.sealed).toBe(1);
      expect(row.value.startsWith("sv1.")).toBe(true);
    } finally {
      raw.close();
    }

    // After a restart the securityContext still opens and the sealed value still substitutes.
    const second = await startEmulator(options(db));
    try {
      const answer = await invoker(
        second.url,
        second.secret,
        installation,
      )({
        requestURL: `${target.url}/echo`,
        requestType: "GET",
        headers: JSON.stringify({ "X-Token": "{{trackerToken}}" }),
      });
      expect(answer.status).toBe(200);
      expect(target.received.at(-1)?.headers["x-token"]).toBe(SECURE);
    } finally {
      await second.close();
    }
  });

  it("a database from before: its key row is removed and its clear secure values are sealed on start", async () => {
    const db = join(folder, "legacy", "desk.db");
    const first = await startEmulator(options(db));
    const { installationId } = await first.install({ config: { trackerToken: SECURE } });
    await first.close();
    const raw = new Database(db);
    raw
      .prepare("INSERT INTO meta (key, value) VALUES ('sealing_key', ?)")
      .run(randomBytes(32).toString("base64"));
    raw
      .prepare(
        "UPDATE config_params SET value = ?, sealed = 0 WHERE name = 'trackerToken' AND installation_id = ?",
      )
      .run(SECURE, installationId);
    raw.close();

    const second = await startEmulator(options(db));
    await second.close();
    expect(fileBytes(db)).not.toContain(SECURE);
    const reopened = new Database(db, { readonly: true });
    try {
      expect(reopened.prepare("SELECT key FROM meta").all()).toEqual([]);
      expect(reopened.prepare("SELECT sealed FROM config_params WHERE name = 'trackerToken'").get()).toEqual({
        sealed: 1,
      });
    } finally {
      reopened.close();
    }
  });

  it(`with ${KEY_ENV} set, no key file is written, and only that key opens the securityContexts`, async () => {
    const db = join(folder, "env", "desk.db");
    process.env[KEY_ENV] = randomBytes(32).toString("hex");
    const first = await startEmulator(options(db));
    const installation = await first.install({ config: { trackerToken: SECURE } });
    await first.close();
    expect(existsSync(`${db}${KEY_FILE_SUFFIX}`)).toBe(false);

    const again = await startEmulator(options(db));
    try {
      const answer = await invoker(
        again.url,
        again.secret,
        installation,
      )({ requestURL: CONFIG, requestType: "GET" });
      expect(answer.status).toBe(200);
    } finally {
      await again.close();
    }

    process.env[KEY_ENV] = randomBytes(32).toString("base64url");
    // Another key cannot open the sealed secure value: a typed error at start, not a wrong value later.
    await expect(startEmulator(options(db))).rejects.toThrow(EmulatorError);
    await expect(startEmulator(options(db))).rejects.toThrow(/does not open with this key/);
  });

  it(`a malformed ${KEY_ENV} is refused by name and never quoted`, async () => {
    process.env[KEY_ENV] = "not-a-key-but-a-secretish-string";
    const error = await startEmulator(options(join(folder, "bad", "desk.db"))).catch(
      (caught: unknown) => caught,
    );
    expect(EmulatorError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain(KEY_ENV);
    expect((error as Error).message).not.toContain("secretish");
  });
});
