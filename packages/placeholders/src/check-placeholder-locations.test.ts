import { describe, expect, it } from "vitest";
import { ALLOWED_LOCATIONS } from "./allowed-locations.js";
import { checkPlaceholderLocations } from "./check-placeholder-locations.js";

describe("checkPlaceholderLocations", () => {
  it("returns no issue for placeholders where Desk allows them", () => {
    expect(
      checkPlaceholderLocations({
        requestURL:
          "https://desk.zoho.com/api/v1/installedExtensions/{{installationId}}/storage?k={{jiraAuthKey}}",
        queryParams: '{"key":"{{jiraAuthKey}}","f":"{{fields.x.id}}"}',
        headers: '{"Authorization":"Bearer {{jiraAuthKey}}","X-Inst":"{{installationId}}"}',
        postBody: '{"installationId":"{{installationId}}","field":"{{fields.x.apiName}}"}',
      }),
    ).toEqual([]);
    expect(checkPlaceholderLocations({})).toEqual([]);
    expect(checkPlaceholderLocations({ postBody: undefined, headers: "" })).toEqual([]);
  });

  it("reports a config param in postBody, naming the placeholder and the location", () => {
    expect(checkPlaceholderLocations({ postBody: '{"k":"{{jiraAuthKey}}"}' })).toEqual([
      {
        token: "{{jiraAuthKey}}",
        location: "postBody",
        rule: "location",
        kind: "location",
        message: "{{jiraAuthKey}} in postBody: not allowed there",
        start: 6,
        end: 21,
      },
    ]);
  });

  it("reports near-misses with the reason and the suggestion", () => {
    expect(checkPlaceholderLocations({ headers: '{"X":"{{ installationId }}"}' })).toEqual([
      {
        token: "{{ installationId }}",
        location: "headers",
        rule: "spaces",
        kind: "near-miss",
        message: "{{ installationId }} in headers: spaces inside, try {{installationId}}",
        start: 6,
        end: 26,
      },
    ]);
    const [issue] = checkPlaceholderLocations({ requestURL: "/x/{{fields.x}}" });
    expect(issue?.message).toBe("{{fields.x}} in requestURL: ends in .id or .apiName, try {{fields.x.id}}");
    const [long] = checkPlaceholderLocations({ postBody: "{".repeat(100) });
    expect(long?.message).toBe(`${"{".repeat(40)} in postBody: not closed`);
  });

  it("orders issues by location in request order; within one, location issues then near-misses", () => {
    const issues = checkPlaceholderLocations({
      postBody: '{"a":"{{b}}","c":"{{ d }}","e":"{{f}}"}',
      requestURL: "/{{x.y}}",
    });
    expect(issues.map((i) => [i.location, i.kind, i.token])).toEqual([
      ["requestURL", "near-miss", "{{x.y}}"],
      ["postBody", "location", "{{b}}"],
      ["postBody", "location", "{{f}}"],
      ["postBody", "near-miss", "{{ d }}"],
    ]);
  });
});

describe("ALLOWED_LOCATIONS", () => {
  it("is the table of spec 3", () => {
    expect(Object.fromEntries(Object.entries(ALLOWED_LOCATIONS).map(([k, v]) => [k, [...v].sort()]))).toEqual(
      {
        installationId: ["headers", "postBody", "queryParams", "requestURL"],
        config: ["headers", "queryParams", "requestURL"],
        resourceId: ["headers", "postBody", "queryParams", "requestURL"],
        resourceApiName: ["headers", "postBody", "queryParams", "requestURL"],
      },
    );
  });
});
