// Every code snippet of a README is a file under examples/ that examples/test runs against the emulator, and the
// README shows exactly that file's code (scripts/readme-examples.ts describes the markers and copies the code).
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { CODE_LANGUAGES, codeOf, readmes, root, snippetsOf } from "../scripts/readme-examples.js";

const snippets = readmes().flatMap(snippetsOf);
const filesUnder = (folder: string): string[] =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.name === "node_modules" || entry.name === "test"
      ? []
      : entry.isDirectory()
        ? filesUnder(join(folder, entry.name))
        : [relative(root, join(folder, entry.name))],
  );

describe("README snippets are the tested examples", () => {
  it("finds the READMEs and their code blocks", () => {
    expect(readmes()).toEqual(expect.arrayContaining(["README.md", "packages/sdk/README.md"]));
    expect(snippets.filter((s) => CODE_LANGUAGES.has(s.lang)).length).toBeGreaterThan(4);
  });

  it("every code block names its example file", () => {
    const unnamed = snippets
      .filter((s) => CODE_LANGUAGES.has(s.lang) && s.source === undefined)
      .map((s) => `${s.readme}:${s.line} (${s.lang}): put <!-- example: examples/... --> before it`);
    expect(unnamed).toEqual([]);
  });

  it("every named block shows exactly its example's code", () => {
    const different: string[] = [];
    for (const snippet of snippets.filter((s) => s.source !== undefined)) {
      const code = codeOf(snippet.source!);
      if (code instanceof Error) different.push(`${snippet.readme}:${snippet.line}: ${code.message}`);
      else if (code !== snippet.text) {
        different.push(
          `${snippet.readme}:${snippet.line} differs from ${snippet.source} (node --import tsx scripts/readme-examples.ts)`,
        );
      }
    }
    expect(different).toEqual([]);
  });

  it("every example file is run by a test in examples/test", () => {
    const tests = readdirSync(join(root, "examples/test"))
      .map((name) => readFileSync(join(root, "examples/test", name), "utf8"))
      .join("\n");
    const code = filesUnder(join(root, "examples")).filter((file) => /\.(?:[cm]?[jt]s)$/.test(file));
    const unrun = code.filter((file) => !tests.includes(`"${file.replace(/^examples\//, "")}"`));
    expect(unrun).toEqual([]);
  });
});
