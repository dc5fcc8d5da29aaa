import { describe, expect, it } from "vitest";
import { decodeFormComponent } from "./decode-form-component.js";

describe("decodeFormComponent", () => {
  it("agrees with URLSearchParams on every valid input (fixed-seed fuzz over tricky pieces)", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pieces = [
      "%",
      "+",
      "a",
      "Z",
      "0",
      "%2",
      "%41",
      "%C3%A9",
      "%E2%82%AC",
      "%F0%9F%98%80",
      "\u00e9",
      "\u{1F600}",
      "%zz",
      "=",
      " ",
      "%25",
      "%7",
    ];
    for (let i = 0; i < 20_000; i++) {
      let text = "";
      const length = Math.floor(random() * 8);
      for (let j = 0; j < length; j++) text += pieces[Math.floor(random() * pieces.length)];
      // Raw non-ASCII is encoded first: the same text by the spec, and it avoids a URLSearchParams bug (below).
      const reference = text.replace(/[^\x00-\x7f]/gu, (char) => encodeURIComponent(char));
      expect(decodeFormComponent(text), text).toBe(new URLSearchParams(`x=${reference}`).get("x"));
    }
  });
  it("keeps a lone % before a non-ASCII character as text (Node 20's URLSearchParams mis-decodes it)", () => {
    expect(decodeFormComponent("%7\u{1F600}")).toBe("%7\u{1F600}");
  });
  it.each(["%FF", "a%FFb", "%C3", "%ED%A0%80", "%C3%28", "%E2%82", "%F4%90%80%80", "%C0%AF"])(
    "refuses %s (percent-encoded bytes that are not UTF-8)",
    (text) => {
      expect(decodeFormComponent(text)).toBeUndefined();
    },
  );
});
