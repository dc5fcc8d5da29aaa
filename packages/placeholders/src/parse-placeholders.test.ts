import { describe, expect, it } from "vitest";
import { parsePlaceholders } from "./parse-placeholders.js";

const misses = (text: string) => parsePlaceholders(text).nearMisses;

describe("parsePlaceholders", () => {
  it("finds each kind with its exact position", () => {
    const text =
      "/api/{{installationId}}/x?k={{jiraAuthKey}}&f={{fields.field1.id}}&n={{fields.trackerKey.apiName}}";
    expect(parsePlaceholders(text)).toEqual({
      placeholders: [
        { placeholder: { kind: "installationId", token: "{{installationId}}" }, start: 5, end: 23 },
        {
          placeholder: { kind: "config", name: "jiraAuthKey", token: "{{jiraAuthKey}}" },
          start: 28,
          end: 43,
        },
        {
          placeholder: {
            kind: "resourceId",
            resourceType: "fields",
            resourceName: "field1",
            token: "{{fields.field1.id}}",
          },
          start: 46,
          end: 66,
        },
        {
          placeholder: {
            kind: "resourceApiName",
            resourceType: "fields",
            resourceName: "trackerKey",
            token: "{{fields.trackerKey.apiName}}",
          },
          start: 69,
          end: 98,
        },
      ],
      nearMisses: [],
    });
    expect(text.slice(69, 98)).toBe("{{fields.trackerKey.apiName}}");
  });

  it("returns nothing for text without braces", () => {
    expect(parsePlaceholders("")).toEqual({ placeholders: [], nearMisses: [] });
    expect(parsePlaceholders('{"a":{"b":[1,2]}}')).toEqual({ placeholders: [], nearMisses: [] });
  });

  it("reads a placeholder closing a JSON object as a placeholder plus the object's brace", () => {
    const { placeholders, nearMisses } = parsePlaceholders('{"n":{{fields.x.id}}}');
    expect(placeholders.map((p) => [p.start, p.end])).toEqual([[5, 20]]);
    expect(nearMisses).toEqual([]);
  });

  it("reports spaces inside the braces with the exact form as suggestion", () => {
    expect(misses("a {{ installationId }} b")).toEqual([
      {
        text: "{{ installationId }}",
        start: 2,
        end: 22,
        rule: "spaces",
        reason: "spaces inside",
        suggestion: "{{installationId}}",
      },
    ]);
    expect(misses("{{fields.x .id}}")[0]).toMatchObject({ rule: "spaces" });
    expect(misses("{{\tjiraKey}}")[0]).toMatchObject({ rule: "spaces", suggestion: "{{jiraKey}}" });
  });

  it("reports a resource without .id or .apiName", () => {
    expect(misses("{{fields.x}}")).toEqual([
      {
        text: "{{fields.x}}",
        start: 0,
        end: 12,
        rule: "property",
        reason: "ends in .id or .apiName",
        suggestion: "{{fields.x.id}}",
      },
    ]);
    expect(misses("{{fields.x.name}}")[0]).toMatchObject({
      rule: "property",
      reason: "ends in .id or .apiName",
    });
    expect(misses("{{fields.x.name}}")[0]?.suggestion).toBeUndefined();
  });

  it.each([
    ["{{fields.x.ID}}", "{{fields.x.id}}"],
    ["{{fields.x.Id}}", "{{fields.x.id}}"],
    ["{{fields.x.apiname}}", "{{fields.x.apiName}}"],
    ["{{fields.x.APINAME}}", "{{fields.x.apiName}}"],
  ])("reports the wrong case in %s", (text, suggestion) => {
    expect(misses(text)).toEqual([
      {
        text,
        start: 0,
        end: text.length,
        rule: "case",
        reason: "ends in .id or .apiName",
        suggestion,
      },
    ]);
  });

  it.each(["{{installationid}}", "{{InstallationId}}", "{{INSTALLATIONID}}"])(
    "reports %s: installationId is reserved in any case",
    (text) => {
      expect(misses(text)).toEqual([
        {
          text,
          start: 0,
          end: text.length,
          rule: "reserved",
          reason: "installationId is reserved",
          suggestion: "{{installationId}}",
        },
      ]);
    },
  );

  it("reports unclosed braces, with the intended token when it is clear", () => {
    expect(misses("x {{installationId")).toEqual([
      {
        text: "{{installationId",
        start: 2,
        end: 18,
        rule: "unclosed",
        reason: "not closed",
        suggestion: "{{installationId}}",
      },
    ]);
    expect(misses("{{jiraKey} and more")).toEqual([
      {
        text: "{{jiraKey",
        start: 0,
        end: 9,
        rule: "unclosed",
        reason: "not closed",
        suggestion: "{{jiraKey}}",
      },
    ]);
    expect(misses("{{")).toEqual([{ text: "{{", start: 0, end: 2, rule: "unclosed", reason: "not closed" }]);
  });

  it("keeps looking after unclosed braces and finds the placeholder that follows", () => {
    const { placeholders, nearMisses } = parsePlaceholders("{{a {{installationId}}");
    expect(placeholders).toEqual([
      { placeholder: { kind: "installationId", token: "{{installationId}}" }, start: 4, end: 22 },
    ]);
    expect(nearMisses).toEqual([
      { text: "{{a", start: 0, end: 3, rule: "unclosed", reason: "not closed", suggestion: "{{a}}" },
    ]);
  });

  it("reports empty braces", () => {
    expect(misses("{{}}")).toEqual([{ text: "{{}}", start: 0, end: 4, rule: "empty", reason: "empty" }]);
  });

  it("reports three or more braces as one near-miss, never a placeholder", () => {
    expect(parsePlaceholders("{{{installationId}}}")).toEqual({
      placeholders: [],
      nearMisses: [
        {
          text: "{{{installationId}}",
          start: 0,
          end: 19,
          rule: "braces",
          reason: "too many braces",
          suggestion: "{{installationId}}",
        },
      ],
    });
    expect(misses("{{{{x}}")[0]).toMatchObject({ text: "{{{{x}}", rule: "braces" });
    expect(misses("{{{ x }}}")[0]).toMatchObject({ text: "{{{ x }}", rule: "braces", suggestion: "{{x}}" });
    // The stray closing brace is plain text, as in "{{x}}}" closing a JSON object.
    expect(parsePlaceholders("{{{x}}}").placeholders).toEqual([]);
  });

  it("reports characters no placeholder has", () => {
    expect(misses("{{jira-key}}")).toEqual([
      {
        text: "{{jira-key}}",
        start: 0,
        end: 12,
        rule: "character",
        reason: "bad character",
      },
    ]);
    expect(misses("{{a}b}}")[0]).toMatchObject({ text: "{{a}b}}", rule: "character" });
  });

  it("reports bad names and too many dots", () => {
    expect(misses("{{1key}}")[0]).toMatchObject({ rule: "name" });
    expect(misses("{{fields..id}}")[0]).toMatchObject({ rule: "name" });
    expect(misses("{{.x.id}}")[0]).toMatchObject({ rule: "name" });
    expect(misses("{{a.b.c.id}}")[0]).toMatchObject({ rule: "dots", reason: "too many dots" });
  });

  it("reads up to the next }} when no {{ comes first, however far", () => {
    const text = `{{ ${"x".repeat(200)} }}`;
    expect(misses(text)).toEqual([
      {
        text,
        start: 0,
        end: text.length,
        rule: "spaces",
        reason: "spaces inside",
        suggestion: `{{${"x".repeat(200)}}}`,
      },
    ]);
  });

  it("parses adversarial input in one pass with the expected results", () => {
    const braces = "{".repeat(1 << 20);
    expect(misses(braces)).toEqual([
      { text: braces, start: 0, end: braces.length, rule: "unclosed", reason: "not closed" },
    ]);
    const unclosed = "{{a ".repeat(250_000);
    const found = misses(unclosed);
    expect(found.length).toBe(250_000);
    expect(found[249_999]).toEqual({
      text: "{{a",
      start: 999_996,
      end: 999_999,
      rule: "unclosed",
      reason: "not closed",
      suggestion: "{{a}}",
    });
    const closers = `${"{{ ".repeat(100_000)}}}`;
    expect(misses(closers).length).toBe(100_000);
  });
});
