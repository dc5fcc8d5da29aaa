import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { startEmulator } from "../src/index.js";
import { deskRest } from "./helpers/desk-rest.js";
import { fixtureManifest, fixtureResources } from "./helpers/fixture.js";

// Databases written before the Desk REST surface kept tickets in a table of their own: they open with those
// tickets moved into desk_records, and a reset gives the org the full seed.
describe("a database with the old tickets table", () => {
  const folder = mkdtempSync(join(tmpdir(), "desk-migrate-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("opens with its tickets kept, the old table dropped, and reset-data seeds the rest", async () => {
    const path = join(folder, "emulator.db");
    const old = new Database(path);
    old.exec(
      "CREATE TABLE tickets (org_id TEXT NOT NULL, id TEXT NOT NULL, seq INTEGER NOT NULL, data TEXT NOT NULL)",
    );
    const ticket = { id: "6000000000123", ticketNumber: "101", subject: "From an older emulator", cf: {} };
    old.prepare("INSERT INTO tickets VALUES (?, ?, ?, ?)").run("8080", ticket.id, 1, JSON.stringify(ticket));
    old.close();

    const emulator = await startEmulator({
      manifest: fixtureManifest(),
      resources: fixtureResources(),
      port: 0,
      db: path,
    });
    try {
      const rest = deskRest(emulator, await emulator.install({ orgId: "8080" }));
      const listed = await rest<{ data: { id: string; subject: string }[] }>("GET", "/tickets");
      expect(listed.body.data.map((row) => [row.id, row.subject])).toEqual([[ticket.id, ticket.subject]]);
      const inspect = new Database(path, { readonly: true });
      const tables = inspect
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'tickets'")
        .all();
      inspect.close();
      expect(tables).toEqual([]);

      expect((await emulator.resetData("8080")).tickets).toBe(3);
      expect((await rest<{ name: string }>("GET", "/myinfo")).body.name).toBe("Priya Raman");
    } finally {
      await emulator.close();
    }
  });
});
