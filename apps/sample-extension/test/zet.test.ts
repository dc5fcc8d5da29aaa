import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

// Zoho's own toolkit (`zet`, npm zoho-extension-toolkit) judges the project as Desk's upload would.
const zet = join(
  createRequire(import.meta.url).resolve("zoho-extension-toolkit/package.json"),
  "..",
  "index.js",
);
const root = new URL("..", import.meta.url);
const work = mkdtempSync(join(tmpdir(), "sample-zet-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The project's ZET files (app/, plugin-manifest.json, resources.json) copied to `<tmp>/<name>`. */
function copyProject(name: string): string {
  const folder = join(work, name);
  for (const entry of ["app", "plugin-manifest.json", "resources.json"])
    cpSync(new URL(entry, root), join(folder, entry), { recursive: true });
  return folder;
}

/** Without ANSI colour codes, whatever the terminal settings. */
function plain(text: string): string {
  return text.replace(/\x1b\[[0-9;]*m/g, "");
}

async function runZet(folder: string, command: "validate" | "pack") {
  // zet pack runs `npm run prepack`, and fails without a word when npm writes to stderr: npm warns about the
  // npm_config_* variables a pnpm script sets (e.g. frozen-lockfile), so those stay out.
  // zet's chalk 1 takes any FORCE_COLOR, even CI's FORCE_COLOR=0, as "colour on": that stays out too.
  const inherited = Object.entries(process.env).filter(([name]) => !/^npm_|^FORCE_COLOR$/i.test(name));
  const env = {
    ...Object.fromEntries(inherited),
    CI: "true",
    NO_UPDATE_NOTIFIER: "1",
    NO_COLOR: "1",
    HOME: work,
  };
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [zet, command], { cwd: folder, env });
    return { code: 0, stdout: plain(stdout) };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: plain(failed.stdout) };
  }
}

/** File names in a zip, from its central directory. */
function zipEntries(zip: Buffer): string[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    names.push(zip.toString("utf8", at + 46, at + 46 + nameLength));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return names.sort();
}

describe("the sample is a project Zoho's toolkit accepts", () => {
  it("zet validate passes", async () => {
    const result = await runZet(copyProject("escalation-desk"), "validate");
    expect([result.code, result.stdout.trim()]).toEqual([0, "Validation Rules passed successfully."]);
  });

  it("zet pack builds the zip a developer uploads: the widget, its translations and images, both JSON files", async () => {
    const folder = copyProject("escalation-desk-pack");
    const result = await runZet(folder, "pack");
    expect([result.code, result.stdout]).toEqual([
      0,
      expect.stringContaining("Extension packed successfully as escalation-desk-pack.zip"),
    ]);
    const zip = readFileSync(join(folder, "dist", "escalation-desk-pack.zip"));
    expect(zipEntries(zip)).toEqual([
      "app/img/icon.png",
      "app/img/logo.png",
      "app/js/widget.js",
      "app/translations/en.json",
      "app/widget.html",
      "plugin-manifest.json",
      "resources.json",
    ]);
  });

  it("zet refuses the sample's old manifest shape (no modules, no connectors): the check is not vacuous", async () => {
    const folder = copyProject("escalation-desk-old");
    const manifest = JSON.parse(readFileSync(join(folder, "plugin-manifest.json"), "utf8"));
    delete manifest.modules;
    delete manifest.connectors;
    writeFileSync(join(folder, "plugin-manifest.json"), JSON.stringify(manifest));
    const result = await runZet(folder, "validate");
    expect([result.code, result.stdout]).toEqual([1, expect.stringContaining('"modules" key is missing')]);
    expect(result.stdout).toContain('"connectors" key is missing');
  });
});
