import { describe, expect, it } from "vitest";
import {
  deriveWidgetTokenKey,
  issueWidgetToken,
  verifyWidgetToken,
  WIDGET_TOKEN_TTL_MS,
} from "./widget-token.js";

const key = deriveWidgetTokenKey("escalation_desk_secret_4b7e19c03a");
const at = (iso: string) => () => new Date(iso);
const ISSUED = "2025-06-02T09:00:00.000Z";

describe("widget tokens", () => {
  it("round-trips org and user, valid until issue time + 15 minutes", () => {
    const token = issueWidgetToken({ orgId: "60001", userId: "agent-7" }, { key, now: at(ISSUED) });
    expect(verifyWidgetToken(token, { key, now: at("2025-06-02T09:14:59.999Z") })).toEqual({
      orgId: "60001",
      userId: "agent-7",
      expiresAt: new Date(Date.parse(ISSUED) + WIDGET_TOKEN_TTL_MS),
    });
    expect(verifyWidgetToken(token, { key, now: at("2025-06-02T09:15:00.000Z") })).toEqual({
      refused: "expired",
    });
  });

  it("is the same text for the same input (no randomness: the MAC alone makes it unforgeable)", () => {
    const one = issueWidgetToken({ orgId: "1", userId: "u" }, { key, now: at(ISSUED), ttlMs: 60_000 });
    expect(one).toBe(issueWidgetToken({ orgId: "1", userId: "u" }, { key, now: at(ISSUED), ttlMs: 60_000 }));
    expect(one).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
  });

  it("refuses another key, a changed payload, a truncated MAC, junk and nothing", () => {
    const token = issueWidgetToken({ orgId: "60001", userId: "agent-7" }, { key, now: at(ISSUED) });
    const now = at(ISSUED);
    const other = deriveWidgetTokenKey("another secret");
    const [, payload, mac] = token.split(".");
    const widened = Buffer.from(JSON.stringify({ org: "60002", usr: "agent-7", exp: 9e9 })).toString(
      "base64url",
    );
    expect(verifyWidgetToken(token, { key: other, now })).toEqual({ refused: "bad_signature" });
    expect(verifyWidgetToken(`v1.${widened}.${mac}`, { key, now })).toEqual({ refused: "bad_signature" });
    expect(verifyWidgetToken(`v1.${payload}.${mac!.slice(0, 10)}`, { key, now })).toEqual({
      refused: "bad_signature",
    });
    expect(verifyWidgetToken(`v2.${payload}.${mac}`, { key, now })).toEqual({ refused: "malformed" });
    expect(verifyWidgetToken(`${token}.x`, { key, now })).toEqual({ refused: "malformed" });
    expect(verifyWidgetToken("", { key, now })).toEqual({ refused: "missing" });
    expect(verifyWidgetToken(undefined, { key, now })).toEqual({ refused: "missing" });
  });

  it("names the field of a bad id", () => {
    expect(() => issueWidgetToken({ orgId: "60 001", userId: "a" }, { key, now: at(ISSUED) })).toThrow(
      new TypeError("sample-extension: orgId must be 1 to 100 of A-Z a-z 0-9 _ . @ -"),
    );
    expect(() => issueWidgetToken({ orgId: "1", userId: "" }, { key, now: at(ISSUED) })).toThrow(
      "sample-extension: userId must be",
    );
  });

  it("derives a key of its own: the manifest secret itself never signs a token", () => {
    expect(Buffer.from(key).toString("hex")).not.toContain(
      Buffer.from("escalation_desk_secret").toString("hex"),
    );
    expect(key).toHaveLength(32);
  });
});
