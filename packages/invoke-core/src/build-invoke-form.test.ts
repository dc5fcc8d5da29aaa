import { INVOKE_HASH_FIELDS } from "@desk/hash";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildInvokeForm } from "./build-invoke-form.js";
import { InvokeValidationError } from "./errors/invoke-validation-error.js";

describe("buildInvokeForm", () => {
  it("turns query, headers and an object body into JSON text and adds the JSON content type", () => {
    const form = buildInvokeForm({
      url: "https://api.example.com/issues",
      method: "POST",
      query: { from: 0, tags: ["a", "b"], draft: false, skip: null },
      headers: { Authorization: "Bearer {{jiraAuthKey}}" },
      body: { title: "Printer on fire", count: 2 },
      connection: "jira",
    });
    expect(form).toEqual({
      requestURL: "https://api.example.com/issues",
      requestType: "POST",
      queryParams: '{"from":0,"tags":["a","b"],"draft":false,"skip":null}',
      postBody: '{"title":"Printer on fire","count":2}',
      headers: '{"Authorization":"Bearer {{jiraAuthKey}}","Content-Type":"application/json"}',
      connectionLinkName: "jira",
    });
    expect(Object.keys(form)).toEqual([...INVOKE_HASH_FIELDS]);
  });

  it("sends a string body as it is and keeps a content type the caller set, in any case", () => {
    const form = buildInvokeForm({
      url: "https://api.example.com/x",
      method: "PUT",
      headers: { "content-type": "text/plain" },
      body: "plain words",
    });
    expect(form).toEqual({
      requestURL: "https://api.example.com/x",
      requestType: "PUT",
      postBody: "plain words",
      headers: '{"content-type":"text/plain"}',
    });
  });

  it("leaves out absent and empty fields (spec 1.1)", () => {
    const form = buildInvokeForm({
      url: "https://api.example.com/v1/issues",
      method: "DELETE",
      headers: {},
      body: "",
      connection: "",
    });
    expect(form).toEqual({ requestURL: "https://api.example.com/v1/issues", requestType: "DELETE" });
  });

  it("treats a null body as no body, and an empty object body as '{}'", () => {
    expect(buildInvokeForm({ url: "https://a.example", method: "GET", body: null })).toEqual({
      requestURL: "https://a.example",
      requestType: "GET",
    });
    expect(buildInvokeForm({ url: "https://a.example", method: "POST", body: {} }).postBody).toBe("{}");
  });

  it("regression: a numeric header value is serialised as a JSON number (the doc sample's orgId)", () => {
    const form = buildInvokeForm({ url: "https://a.example", method: "GET", headers: { orgId: 376723 } });
    expect(form.headers).toBe('{"orgId":376723}');
  });

  it("regression: an explicit query of {} is sent as '{}' (the doc sample's queryParams); empty headers are not", () => {
    const form = buildInvokeForm({
      url: "https://desk.zoho.com/api/v1/tickets",
      method: "POST",
      query: {},
      headers: {},
      body: "{}",
    });
    expect(form).toEqual({
      requestURL: "https://desk.zoho.com/api/v1/tickets",
      requestType: "POST",
      queryParams: "{}",
      postBody: "{}",
    });
  });

  it("refuses a body that is not JSON-serialisable, naming the field", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const body of [cyclic, 10n, () => 1]) {
      let thrown: unknown;
      try {
        buildInvokeForm({ url: "https://a.example", method: "POST", body });
      } catch (error) {
        thrown = error;
      }
      expect(InvokeValidationError.isInstance(thrown)).toBe(true);
      expect((thrown as InvokeValidationError).field).toBe("body");
    }
  });

  it("round-trips any JSON body exactly (property)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const form = buildInvokeForm({ url: "https://a.example", method: "POST", body: value });
        if (value === null) return form.postBody === undefined;
        return typeof value === "string"
          ? form.postBody === (value || undefined)
          : form.postBody === JSON.stringify(value);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
