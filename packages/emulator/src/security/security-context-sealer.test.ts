import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SecurityContextSealer } from "./security-context-sealer.js";

describe("SecurityContextSealer", () => {
  const sealer = new SecurityContextSealer(Buffer.alloc(32, 7));
  const context = { orgId: "387238", installationId: "4000000000001" };

  it("opens what it sealed, and seals one installation to the same token", () => {
    const token = sealer.seal(context);
    expect(sealer.open(token)).toEqual(context);
    expect(sealer.seal(context)).toBe(token);
    expect(token).not.toContain(context.installationId);
    expect(token).not.toContain(context.orgId);
  });

  it("refuses every single-character change", () => {
    const token = sealer.seal(context);
    for (let i = 5; i < token.length; i++) {
      const changed = token.slice(0, i) + (token[i] === "A" ? "B" : "A") + token.slice(i + 1);
      expect(sealer.open(changed)).toBeUndefined();
    }
  });

  it("refuses a token whose last character differs only in bits base64url ignores", () => {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let checked = 0;
    for (const installationId of ["1", "12", "123", "1234"]) {
      const token = sealer.seal({ ...context, installationId });
      const payloadBytes = Buffer.from(token.slice(5), "base64url").length;
      if (payloadBytes % 3 === 0) continue; // no unused bits in the last character
      const last = alphabet.indexOf(token.at(-1)!);
      const twin = token.slice(0, -1) + alphabet[last ^ 1];
      expect(Buffer.from(twin.slice(5), "base64url")).toEqual(Buffer.from(token.slice(5), "base64url"));
      expect(sealer.open(twin)).toBeUndefined();
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("refuses another key's token, garbage, empty and missing values", () => {
    const other = new SecurityContextSealer(randomBytes(32)).seal(context);
    for (const value of [other, "dsc1.", "dsc1.AAAA", "garbage", "", null, undefined]) {
      expect(sealer.open(value)).toBeUndefined();
    }
  });
});
