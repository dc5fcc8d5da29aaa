import { beforeAll, describe, expect, it } from "vitest";
import { useEmulator } from "../src/testing.js";
import { runCli } from "./cli-helpers.js";
import { type DeskRest, deskRest } from "./helpers/desk-rest.js";
import { fixtureManifest, fixtureResources } from "./helpers/fixture.js";

// An org's Desk data goes back to the seed from the CLI (and the programmatic API); the extension's own data stays.

type Row = Record<string, unknown> & { id: string };
interface List {
  data: Row[];
}

const SEED_COUNTS = { departments: 2, agents: 1, contacts: 3, tickets: 3, threads: 4, comments: 1 };

describe("resetting an org's Desk data", () => {
  const emulator = useEmulator({
    manifest: fixtureManifest(),
    resources: fixtureResources(),
    install: { orgId: "4242" },
  });
  let rest: DeskRest;

  /** Writes into every kind of Desk record, and one storage value the reset must keep. */
  const scribble = async () => {
    const ticket = (await rest<Row>("POST", "/tickets", { body: { subject: "Written by the extension" } }))
      .body;
    await rest("POST", `/tickets/${ticket.id}/comments`, { body: { content: "a note" } });
    await rest("POST", "/contacts", { body: { lastName: "Temporary" } });
    const first = (await rest<List>("GET", "/tickets")).body.data[0]!;
    await rest("PATCH", `/tickets/${first.id}`, { body: { status: "Closed" } });
    return ticket;
  };

  beforeAll(async () => {
    rest = deskRest(emulator, emulator.installation);
    const stored = await rest("POST", "/installedExtensions/{{installationId}}/storage", {
      body: { key: "kept", queriableValue: "q", value: { a: 1 } },
    });
    expect(stored.status).toBe(200);
  });

  it("`desk-emulator reset-data --org` puts tickets, comments and contacts back to the seed, keeping storage", async () => {
    const written = await scribble();
    const before = (await rest<List>("GET", "/tickets")).body.data;
    expect(before.map((ticket) => ticket["ticketNumber"])).toEqual(["101", "102", "103", "104"]);

    const { code, stdout, stderr } = await runCli([
      "reset-data",
      "--url",
      emulator.url,
      "--org",
      "4242",
      "--json",
    ]);
    expect([code, stderr]).toEqual([0, ""]);
    expect(JSON.parse(stdout)).toEqual({ orgId: "4242", counts: SEED_COUNTS });

    const after = (await rest<List>("GET", "/tickets")).body.data;
    expect(after.map((ticket) => [ticket["ticketNumber"], ticket["status"]])).toEqual([
      ["101", "Open"],
      ["102", "On Hold"],
      ["103", "Open"],
    ]);
    expect((await rest("GET", `/tickets/${written.id}`)).status).toBe(404);
    const contacts = (await rest<List>("GET", "/contacts")).body.data;
    expect(contacts.map((contact) => contact["lastName"])).toEqual(["Silva", "Okafor", "Wei"]);
    const kept = await rest<List>("GET", "/installedExtensions/{{installationId}}/storage", {
      query: { key: "kept" },
    });
    expect(kept.body.data).toEqual([{ key: "kept", queriableValue: "q", value: { a: 1 } }]);
    // The installation goes on working: the next ticket is numbered from the seed again.
    const next = (await rest<Row>("POST", "/tickets", { body: { subject: "After the reset" } })).body;
    expect(next["ticketNumber"]).toBe("104");
  });

  it("prints the counts for people, and emulator.resetData(orgId) does the same", async () => {
    const human = await runCli(["reset-data", "--url", emulator.url, "--org", "4242"]);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain("Reset the Desk data of org 4242");
    expect(human.stdout).toContain("2 departments, 1 agents, 3 contacts, 3 tickets, 4 threads, 1 comments");

    await scribble();
    expect(await emulator.resetData("4242")).toEqual(SEED_COUNTS);
    expect((await rest<List>("GET", "/tickets")).body.data).toHaveLength(3);
  });

  it("leaves other orgs alone", async () => {
    const other = await emulator.install({ orgId: "5353" });
    const theirs = deskRest(emulator, other);
    await theirs("POST", "/tickets", { body: { subject: "Theirs" } });
    await emulator.resetData("4242");
    const listed = (await theirs<List>("GET", "/tickets")).body.data;
    expect(listed.map((ticket) => ticket["subject"])).toContain("Theirs");
  });

  it("refuses a missing --org (usage, exit 2) and an org the emulator never saw (ORG_NOT_FOUND, exit 1)", async () => {
    const usage = await runCli(["reset-data", "--url", emulator.url]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("reset-data needs --org <orgId>");

    const unknown = await runCli(["reset-data", "--url", emulator.url, "--org", "999"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/ORG_NOT_FOUND: org 999 has no Desk data/);
    await expect(emulator.resetData("999")).rejects.toMatchObject({
      status: 404,
      errorCode: "ORG_NOT_FOUND",
    });
  });
});
