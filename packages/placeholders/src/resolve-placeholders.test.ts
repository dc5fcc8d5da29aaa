import { describe, expect, it } from "vitest";
import { PlaceholderError } from "./errors/placeholder-error.js";
import { PlaceholderLocationError } from "./errors/placeholder-location-error.js";
import { PlaceholderValueError } from "./errors/placeholder-value-error.js";
import { UnknownPlaceholderError } from "./errors/unknown-placeholder-error.js";
import { resolvePlaceholders } from "./resolve-placeholders.js";
import type { PlaceholderLocation, ResolveContext } from "./types.js";

const context: ResolveContext = {
  installationId: "inst-42",
  config: {
    jiraAuthKey: "k3y",
    quoted: 'say "hi"\\',
    multiLine: "a\nb",
    carriage: "a\rb",
    nested: "{{jiraAuthKey}}",
  },
  resources: {
    fields: {
      trackerKey: { id: "4000000012345", apiName: "cf_tracker_key" },
      weird: { id: 'x"y', apiName: "{{installationId}}" },
    },
  },
};

describe("resolvePlaceholders", () => {
  it("substitutes each kind in a requestURL as raw values", () => {
    const url =
      "https://desk.zoho.com/api/v1/installedExtensions/{{installationId}}/storage?k={{jiraAuthKey}}&f={{fields.trackerKey.id}}&n={{fields.trackerKey.apiName}}";
    expect(resolvePlaceholders(url, "requestURL", context)).toBe(
      "https://desk.zoho.com/api/v1/installedExtensions/inst-42/storage?k=k3y&f=4000000012345&n=cf_tracker_key",
    );
  });

  it("returns text without placeholders unchanged", () => {
    for (const text of ["", "plain", '{"a":{"b":1}}', "{single} }}"]) {
      expect(resolvePlaceholders(text, "postBody", context)).toBe(text);
    }
  });

  it("leaves near-misses as they are", () => {
    const text = '{"a":"{{ installationId }} {{fields.trackerKey}} {{{installationId}}} {{installationId"}';
    expect(resolvePlaceholders(text, "postBody", context)).toBe(text);
  });

  it("JSON-escapes a value inside a string literal so the JSON stays valid", () => {
    const headers = '{"X-Note":"[{{quoted}}]","orgId":"1"}';
    const out = resolvePlaceholders(headers, "headers", context);
    expect(out).toBe('{"X-Note":"[say \\"hi\\"\\\\]","orgId":"1"}');
    expect(JSON.parse(out)).toEqual({ "X-Note": 'say "hi"\\'.replace(/^/, "[").concat("]"), orgId: "1" });
  });

  it("places a raw value outside string literals", () => {
    expect(resolvePlaceholders('{"id":{{fields.trackerKey.id}}}', "postBody", context)).toBe(
      '{"id":4000000012345}',
    );
  });

  it("tracks escaped quotes and backslashes in the template", () => {
    // "a\"{{x}}" is still inside the string; "a\\" ends it, so the next placeholder is outside.
    const body = '{"a":"\\"{{quoted}}","b":"\\\\","c":{{fields.weird.id}}}';
    expect(resolvePlaceholders(body, "queryParams", context)).toBe(
      '{"a":"\\"say \\"hi\\"\\\\","b":"\\\\","c":x"y}',
    );
    expect(resolvePlaceholders('["\\\\\\"{{quoted}}"]', "queryParams", context)).toBe(
      '["\\\\\\"say \\"hi\\"\\\\"]',
    );
  });

  it("escapes values in queryParams and postBody the same way", () => {
    expect(resolvePlaceholders('{"q":"{{quoted}}"}', "queryParams", context)).toBe(
      '{"q":"say \\"hi\\"\\\\"}',
    );
    expect(resolvePlaceholders('{"q":"{{fields.weird.id}}"}', "postBody", context)).toBe('{"q":"x\\"y"}');
  });

  it("never expands a substituted value again", () => {
    expect(resolvePlaceholders("/{{nested}}/{{fields.weird.apiName}}", "requestURL", context)).toBe(
      "/{{jiraAuthKey}}/{{installationId}}",
    );
  });

  it("puts installationId and resources into postBody", () => {
    expect(
      resolvePlaceholders(
        '{"i":"{{installationId}}","f":"{{fields.trackerKey.apiName}}"}',
        "postBody",
        context,
      ),
    ).toBe('{"i":"inst-42","f":"cf_tracker_key"}');
  });

  it("refuses a config param in postBody with a PlaceholderLocationError", () => {
    const resolve = () => resolvePlaceholders('{"k":"{{jiraAuthKey}}"}', "postBody", context);
    expect(resolve).toThrow(PlaceholderLocationError);
    expect(resolve).toThrow(
      expect.objectContaining({
        name: "PlaceholderLocationError",
        rule: "location",
        token: "{{jiraAuthKey}}",
        location: "postBody",
        message: "@desk/placeholders: {{jiraAuthKey}} in postBody: not allowed there",
      }),
    );
  });

  it.each<[string, PlaceholderLocation, string]>([
    ["{{nope}}", "headers", "{{nope}}"],
    ["/{{fields.missing.id}}", "requestURL", "{{fields.missing.id}}"],
    ['{"a":"{{webhook.trackerKey.id}}"}', "postBody", "{{webhook.trackerKey.id}}"],
    ["{{constructor}}", "queryParams", "{{constructor}}"],
    ["{{toString}}", "requestURL", "{{toString}}"],
    ["{{fields.valueOf.id}}", "requestURL", "{{fields.valueOf.id}}"],
    ["{{fields.constructor.apiName}}", "requestURL", "{{fields.constructor.apiName}}"],
    ["{{hasOwnProperty.x.id}}", "requestURL", "{{hasOwnProperty.x.id}}"],
  ])("names the unknown placeholder in %s (%s)", (text, location, token) => {
    const resolve = () => resolvePlaceholders(text, location, context);
    expect(resolve).toThrow(UnknownPlaceholderError);
    expect(resolve).toThrow(
      expect.objectContaining({
        rule: "unknown",
        token,
        location,
        message: `@desk/placeholders: ${token} in ${location}: unknown placeholder`,
      }),
    );
  });

  it.each(["multiLine", "carriage"])("refuses a value with CR or LF bound for headers (%s)", (name) => {
    const resolve = () => resolvePlaceholders(`{"X":"{{${name}}}"}`, "headers", context);
    expect(resolve).toThrow(PlaceholderValueError);
    expect(resolve).toThrow(
      expect.objectContaining({
        rule: "header-newline",
        token: `{{${name}}}`,
        location: "headers",
        // The message names the placeholder, never the value.
        message: `@desk/placeholders: {{${name}}} in headers: value has CR or LF`,
      }),
    );
  });

  it("lets CR and LF through in other locations, escaped inside JSON strings", () => {
    expect(resolvePlaceholders('{"m":"{{multiLine}}"}', "queryParams", context)).toBe('{"m":"a\\nb"}');
    expect(resolvePlaceholders("/{{carriage}}", "requestURL", context)).toBe("/a\rb");
  });

  it("does not track JSON in requestURL: quotes there are plain characters", () => {
    expect(resolvePlaceholders('/"{{quoted}}"', "requestURL", context)).toBe('/"say "hi"\\"');
  });

  it("throws only PlaceholderErrors, all branded", () => {
    const resolve = () => resolvePlaceholders("{{nope}}", "headers", context);
    expect(resolve).toThrow(PlaceholderError);
    expect(resolve).toThrow(
      expect.toSatisfy(
        (error: object) =>
          !PlaceholderLocationError.isInstance(error) &&
          (error as Record<symbol, unknown>)[Symbol.for("@desk/error")] === true &&
          Object.keys(error).join() === "rule,token,location",
      ),
    );
  });

  it("resolves adversarial input in linear passes", () => {
    const braces = "{".repeat(1 << 20);
    expect(resolvePlaceholders(braces, "postBody", context)).toBe(braces);
    const many = `"${"{{installationId}}".repeat(100_000)}"`;
    expect(resolvePlaceholders(many, "postBody", context)).toBe(`"${"inst-42".repeat(100_000)}"`);
  });
});

describe("resolvePlaceholders, regressions", () => {
  it("recognises a repeated token again only when it is exactly the same token", () => {
    const text = "/{{installationId}}/{{installationIdx}}/{{{installationId}}}/{{installationId}}";
    expect(() => resolvePlaceholders(text, "requestURL", context)).toThrow(
      "{{installationIdx}} in requestURL: unknown placeholder",
    );
    const ok = "/{{installationId}}/{{{installationId}}}/{{installationId}}x";
    expect(resolvePlaceholders(ok, "requestURL", context)).toBe("/inst-42/{{{installationId}}}/inst-42x");
  });

  it("keeps following JSON strings after many plain values before an escaped one", () => {
    const body = `{"a":"${"{{installationId}}".repeat(3)}","b":{{fields.weird.id}},"c":"{{fields.weird.id}}"}`;
    expect(resolvePlaceholders(body, "postBody", context)).toBe(
      `{"a":"${"inst-42".repeat(3)}","b":x"y,"c":"x\\"y"}`,
    );
  });

  it("leaves a misspelt resource name as it is, also one like __proto__", () => {
    expect(resolvePlaceholders("/{{fields.__proto__.id}}", "requestURL", context)).toBe(
      "/{{fields.__proto__.id}}",
    );
  });
});
