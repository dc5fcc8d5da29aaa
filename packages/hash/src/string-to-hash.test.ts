import { describe, expect, it } from "vitest";
import { INVOKE_HASH_FIELDS } from "./invoke-hash-fields.js";
import { stringToHash } from "./string-to-hash.js";

describe("INVOKE_HASH_FIELDS", () => {
  it("is the fixed order of spec 1.1", () => {
    expect(INVOKE_HASH_FIELDS).toEqual([
      "requestURL",
      "requestType",
      "queryParams",
      "postBody",
      "headers",
      "connectionLinkName",
    ]);
  });
});

describe("stringToHash", () => {
  it("uses the fixed order whatever the key order of the object", () => {
    const fields = {
      connectionLinkName: "c",
      headers: "h",
      postBody: "b",
      queryParams: "q",
      requestType: "T",
      requestURL: "u",
    };
    expect(stringToHash(fields)).toBe(
      "requestURL=u&requestType=T&queryParams=q&postBody=b&headers=h&connectionLinkName=c",
    );
  });

  it("skips absent, undefined, null and empty fields by default", () => {
    const fields = {
      requestURL: "u",
      requestType: "GET",
      queryParams: "",
      postBody: undefined,
      headers: null,
    } as never;
    expect(stringToHash(fields)).toBe("requestURL=u&requestType=GET");
  });

  it("keepEmpty keeps present-but-empty fields (the Java form), still skipping absent ones", () => {
    const fields = { requestURL: "u", requestType: "GET", postBody: "", headers: undefined };
    expect(stringToHash(fields, { keepEmpty: true })).toBe("requestURL=u&requestType=GET&postBody=");
    expect(stringToHash({ requestURL: "", postBody: "" }, { keepEmpty: true })).toBe("requestURL=&postBody=");
  });

  it("hashes raw values: no URL-encoding, placeholders kept literally", () => {
    expect(
      stringToHash({ requestURL: "https://x.test/{{installationId}}?a=1&b=é", postBody: "a+b %20" }),
    ).toBe("requestURL=https://x.test/{{installationId}}?a=1&b=é&postBody=a+b %20");
  });

  it("ignores fields that are not hashed (securityContext, orgId)", () => {
    const fields = { requestURL: "u", securityContext: "sc", orgId: "1" } as never;
    expect(stringToHash(fields)).toBe("requestURL=u");
  });

  it("returns the empty string when nothing is present", () => {
    expect(stringToHash({})).toBe("");
  });

  it("refuses a non-object and names a non-string field", () => {
    expect(() => stringToHash(null as never)).toThrow(new TypeError("@desk/hash: fields must be an object"));
    expect(() => stringToHash({ requestURL: "u", postBody: { a: 1 } } as never)).toThrow(
      new TypeError("@desk/hash: field postBody must be a string, not object"),
    );
  });
});
