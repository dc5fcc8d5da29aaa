import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DeskSdkError } from "../errors/desk-sdk-error.js";
import { createFileInstallationStore } from "./create-file-installation-store.js";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "desk-sdk-store-"));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

describe("createFileInstallationStore", () => {
  it("saves, replaces, gets, lists and deletes installations, creating missing folders", async () => {
    const path = join(folder, "nested", "installations.json");
    const store = createFileInstallationStore(path);
    expect(await store.list()).toEqual({ installations: [] });
    await store.save({ orgId: "1", securityContext: "a" });
    await store.save({ orgId: "2", securityContext: "b" });
    await store.save({ orgId: "1", securityContext: "a2" });
    expect(await store.get("1")).toEqual({ orgId: "1", securityContext: "a2" });
    expect(await store.get("3")).toBeUndefined();
    expect(await store.list()).toEqual({
      installations: [
        { orgId: "1", securityContext: "a2" },
        { orgId: "2", securityContext: "b" },
      ],
    });
    expect([await store.delete("2"), await store.delete("2")]).toEqual([true, false]);
    expect(JSON.parse(await readFile(path, "utf8"))).toEqual({
      version: 2,
      installations: [{ orgId: "1", securityContext: "a2", keyId: null, digest: sha256("a2") }],
      tombstones: [`2 ${sha256("b")}`],
    });
  });

  it("reads a version 1 file and upgrades it on the next write", async () => {
    const path = join(folder, "v1.json");
    await writeFile(
      path,
      JSON.stringify({ version: 1, installations: [{ orgId: "3", securityContext: "v1" }] }),
    );
    const store = createFileInstallationStore(path);
    expect(await store.get("3")).toEqual({ orgId: "3", securityContext: "v1" });
    expect(await store.delete("3")).toBe(true);
    expect(await store.save({ orgId: "3", securityContext: "v1" })).toBe(false);
    expect(JSON.parse(await readFile(path, "utf8"))).toMatchObject({
      version: 2,
      tombstones: [`3 ${sha256("v1")}`],
    });
  });

  it("keeps every one of many concurrent saves, leaves no temporary file, and is readable by its owner only", async () => {
    const path = join(folder, "concurrent.json");
    const store = createFileInstallationStore(path);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.save({ orgId: String(i), securityContext: `c${i}` })),
    );
    expect((await store.list()).installations.map((record) => record.orgId).sort()).toEqual(
      Array.from({ length: 20 }, (_, i) => String(i)).sort(),
    );
    expect(await readdir(folder)).not.toContainEqual(expect.stringMatching(/\.tmp$/));
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it("a second store on the same file sees what the first wrote (state lives in the file)", async () => {
    const path = join(folder, "shared.json");
    await createFileInstallationStore(path).save({ orgId: "9", securityContext: "z" });
    expect(await createFileInstallationStore(path).get("9")).toEqual({ orgId: "9", securityContext: "z" });
  });

  it("rejects a corrupt file instead of treating it as empty (which would lose installations)", async () => {
    const path = join(folder, "corrupt.json");
    await writeFile(path, "{not json");
    await expect(createFileInstallationStore(path).list()).rejects.toSatisfy((error) =>
      DeskSdkError.isInstance(error),
    );
  });

  it("regression: a corrupt file's SyntaxError quoted part of a securityContext, and a wrong shape read as empty", async () => {
    const path = join(folder, "leaky.json");
    const store = createFileInstallationStore(path);
    const messages: string[] = [];
    for (const text of [
      '{"installations":[{"orgId":"1","securityContext":"sc-0123456789-TAIL","x":undefined}]}',
      '{"installations":{"orgId":"1","securityContext":"sc-0123456789-TAIL"}}',
      '{"installations":[{"orgId":1,"securityContext":"sc-0123456789-TAIL"}]}',
    ]) {
      await writeFile(path, text);
      const error = await store.list().then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(DeskSdkError.isInstance(error)).toBe(true);
      messages.push((error as DeskSdkError).message, String((error as DeskSdkError).cause));
      // The save is refused too, so the installation in the file is not overwritten.
      await expect(store.save({ orgId: "2", securityContext: "b" })).rejects.toSatisfy((error) =>
        DeskSdkError.isInstance(error),
      );
      expect(await readFile(path, "utf8")).toBe(text);
    }
    expect(messages.join("\n")).not.toContain("TAIL");
    expect(messages[0]).toBe(
      `@desk/sdk: installation file ${path} must be JSON of the form {"installations":[{orgId,securityContext}]}`,
    );
  });
});
