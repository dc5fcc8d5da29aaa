import { describe, expect, it } from "vitest";
import { PlaceholderError } from "./errors/placeholder-error.js";
import { PlaceholderSyntaxError } from "./errors/placeholder-syntax-error.js";
import { parsePlaceholders } from "./parse-placeholders.js";
import { placeholder } from "./placeholder.js";

const syntaxError = (build: () => string) => {
  try {
    build();
  } catch (error) {
    if (PlaceholderSyntaxError.isInstance(error)) return error;
    throw error;
  }
  throw new Error("expected a PlaceholderSyntaxError");
};

describe("placeholder builders", () => {
  it("build the four kinds exactly as the doc writes them", () => {
    expect(placeholder.installationId()).toBe("{{installationId}}");
    expect(placeholder.config("jiraAuthKey")).toBe("{{jiraAuthKey}}");
    expect(placeholder.config("api_key2")).toBe("{{api_key2}}");
    expect(placeholder.resourceId("fields", "field1")).toBe("{{fields.field1.id}}");
    expect(placeholder.resourceApiName("fields", "trackerKey")).toBe("{{fields.trackerKey.apiName}}");
  });

  it("accept any identifier as a resource type, not only the keys of resources.json", () => {
    expect(placeholder.resourceId("customActions", "escalate")).toBe("{{customActions.escalate.id}}");
    expect(placeholder.resourceId("widgets", "w1")).toBe("{{widgets.w1.id}}");
  });

  it.each([
    ["", "name"],
    ["jira key", "name"],
    ["1key", "name"],
    ["_key", "name"],
    ["key-name", "name"],
    ["{{key}}", "name"],
    ["a.b", "name"],
    ["fields.x.id", "name"],
  ])("reject the config name %j (rule %s)", (name, rule) => {
    const error = syntaxError(() => placeholder.config(name));
    expect(error.rule).toBe(rule);
    expect(error.token).toBe(`{{${name}}}`);
    expect(error.message.startsWith("@desk/placeholders: cannot build ")).toBe(true);
  });

  it.each(["installationId", "installationid", "InstallationID"])(
    "reserve %s: never a config name",
    (name) => {
      const error = syntaxError(() => placeholder.config(name));
      expect(error.rule).toBe("reserved");
      expect(error.message).toBe(`@desk/placeholders: cannot build {{${name}}}: installationId is reserved`);
    },
  );

  it.each([
    ["fields", "", "name"],
    ["", "x", "name"],
    ["fields", "x y", "name"],
    ["fields", "x.id", "name"],
    ["fields.x", "y", "name"],
    ["2fields", "x", "name"],
  ])("reject the resource %j / %j (rule %s)", (type, name, rule) => {
    expect(syntaxError(() => placeholder.resourceId(type, name)).rule).toBe(rule);
    expect(syntaxError(() => placeholder.resourceApiName(type, name)).rule).toBe(rule);
  });

  it("build tokens the parser reads back as the same placeholder", () => {
    const token = placeholder.resourceApiName("fields", "trackerKey");
    expect(parsePlaceholders(token).placeholders).toEqual([
      {
        placeholder: { kind: "resourceApiName", resourceType: "fields", resourceName: "trackerKey", token },
        start: 0,
        end: token.length,
      },
    ]);
  });

  it("throw an error that is also a PlaceholderError", () => {
    const error = syntaxError(() => placeholder.config("a b"));
    expect(PlaceholderError.isInstance(error)).toBe(true);
    expect(error).toBeInstanceOf(PlaceholderSyntaxError);
    expect(error.name).toBe("PlaceholderSyntaxError");
    expect(error.location).toBeUndefined();
  });
});
