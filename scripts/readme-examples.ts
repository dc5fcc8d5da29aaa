// README snippets are the files under examples/ (examples/test runs each against the emulator). A snippet names
// its file in an HTML comment on the line before its fence:
//   <!-- example: examples/quick-start/server.ts -->     the whole file
//   <!-- example: examples/sdk/storage.ts#iterate -->    the lines between `// #region iterate` and
//                                                        `// #endregion iterate` (common indentation removed)
// test/readme-examples.test.ts checks every README against its files; after changing an example, run
//   node --import tsx scripts/readme-examples.ts
// to copy the files' code into the READMEs.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../", import.meta.url));

/** Fence languages that are code: a block in one of them must name its example. */
export const CODE_LANGUAGES = new Set(["ts", "js", "mjs", "tsx", "typescript", "javascript"]);

/** The READMEs that carry snippets: the root one and one per package or app. */
export function readmes(): string[] {
  return execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "*README.md"], {
    cwd: root,
    encoding: "utf8",
  })
    .split("\n")
    .filter((file) => /^(?:README\.md|(?:packages|apps)\/[^/]+\/README\.md)$/.test(file));
}

/** One fenced block of a README; `from`/`to` are the 0-based lines of its body, `source` what its marker names. */
export interface Snippet {
  readme: string;
  line: number;
  lang: string;
  text: string;
  from: number;
  to: number;
  source: string | undefined;
}

export function snippetsOf(readme: string): Snippet[] {
  const lines = readFileSync(resolve(root, readme), "utf8").split("\n");
  const snippets: Snippet[] = [];
  for (let index = 0; index < lines.length; index++) {
    const open = /^(`{3,})(\S*)/.exec(lines[index] ?? "");
    if (!open) continue;
    const [, fence = "```", lang = ""] = open;
    const end = lines.findIndex((line, at) => at > index && line.trim() === fence);
    const close = end === -1 ? lines.length : end;
    const before = [...lines.slice(0, index)].reverse().find((line) => line.trim() !== "") ?? "";
    const marker = /^<!--\s*example:\s*(\S+)\s*-->$/.exec(before.trim());
    snippets.push({
      readme,
      line: index + 1,
      lang,
      text: `${lines.slice(index + 1, close).join("\n")}\n`,
      from: index + 1,
      to: close,
      source: marker?.[1],
    });
    index = close;
  }
  return snippets;
}

/** The code a marker names: a whole file under examples/, or one region of it. An Error says what is wrong. */
export function codeOf(source: string): string | Error {
  const [path = "", region] = source.split("#");
  if (!path.startsWith("examples/")) return new Error(`${source} is not under examples/`);
  const file = resolve(root, path);
  if (!existsSync(file)) return new Error(`${path} does not exist`);
  const text = readFileSync(file, "utf8");
  if (region === undefined) return text;
  const lines = text.split("\n");
  const start = lines.findIndex((line) => line.trim() === `// #region ${region}`);
  const stop = lines.findIndex((line) => line.trim() === `// #endregion ${region}`);
  if (start === -1 || stop < start) return new Error(`${path} has no region ${region}`);
  const body = lines.slice(start + 1, stop);
  const indent = Math.min(...body.filter((line) => line.trim() !== "").map((line) => line.search(/\S/)));
  return `${body.map((line) => line.slice(indent)).join("\n")}\n`;
}

/** Copies every named example's code into its README block; returns the READMEs it changed. */
export function writeReadmes(): string[] {
  const changed: string[] = [];
  for (const readme of readmes()) {
    const lines = readFileSync(resolve(root, readme), "utf8").split("\n");
    // From the last block up, so earlier line numbers stay right.
    for (const snippet of snippetsOf(readme).reverse()) {
      if (snippet.source === undefined) continue;
      const code = codeOf(snippet.source);
      if (code instanceof Error) throw new Error(`${readme}:${snippet.line}: ${code.message}`);
      if (code === snippet.text) continue;
      lines.splice(snippet.from, snippet.to - snippet.from, ...code.replace(/\n$/, "").split("\n"));
      if (!changed.includes(readme)) changed.push(readme);
    }
    if (changed.includes(readme)) writeFileSync(resolve(root, readme), lines.join("\n"));
  }
  return changed;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const changed = writeReadmes();
  console.log(
    changed.length > 0 ? `updated ${changed.join(", ")}` : "every README snippet equals its example",
  );
}
