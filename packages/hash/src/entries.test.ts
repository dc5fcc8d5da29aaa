import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as web from "./index.js";
import * as node from "./index.node.js";

const source = (file: string) => readFileSync(new URL(file, import.meta.url), "utf8");
// Everything after the entry's own header and primitive import.
const body = (text: string) => text.slice(text.indexOf("const api"));

describe("the two entries", () => {
  it("export the same names", () => {
    expect(Object.keys(node).sort()).toEqual(Object.keys(web).sort());
    expect(Object.keys(web).sort()).toEqual([
      "DeskHashError",
      "HashVerificationError",
      "INVOKE_HASH_FIELDS",
      "assertCallbackHash",
      "assertInvokeHash",
      "createSigner",
      "signCallback",
      "signInvoke",
      "stringToHash",
      "verifyCallback",
      "verifyInvoke",
    ]);
  });

  it("are identical below the HMAC primitive's import (docs and exports stay in sync)", () => {
    expect(body(source("./index.node.ts"))).toBe(body(source("./index.ts")));
    expect(source("./index.ts")).toContain('import { webHmac as hmac } from "./web-hmac.js";');
    expect(source("./index.node.ts")).toContain('import { nodeHmac as hmac } from "./hmac.node.js";');
  });

  it("share the non-crypto parts (same classes and canonical form)", () => {
    expect(node.HashVerificationError).toBe(web.HashVerificationError);
    expect(node.stringToHash).toBe(web.stringToHash);
  });
});
