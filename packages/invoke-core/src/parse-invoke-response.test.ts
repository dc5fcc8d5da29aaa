import { describe, expect, it } from "vitest";
import { DeskApiError } from "./errors/desk-api-error.js";
import { parseInvokeResponse } from "./parse-invoke-response.js";

const answer = (value: unknown) => parseInvokeResponse(JSON.stringify(value));

describe("parseInvokeResponse", () => {
  it("reads the production shape: wrapped response string, headers object", () => {
    const result = answer({
      statusCode: 201,
      response: JSON.stringify({ statusMessage: { id: "7", title: "x" }, status: "true" }),
      responseHeaders: { "Content-Type": "application/json", "X-Trace": "abc" },
    });
    expect(result).toEqual({
      status: 201,
      ok: true,
      data: { id: "7", title: "x" },
      text: '{"id":"7","title":"x"}',
      headers: { "content-type": "application/json", "x-trace": "abc" },
    });
  });

  it("reads the doc shape: unwrapped response string, headers as JSON text", () => {
    const result = answer({
      statusCode: 404,
      response: '{"errorCode":"NOT_FOUND"}',
      responseHeaders: '{"Content-Type":"application/json;charset=UTF-8"}',
    });
    expect(result).toEqual({
      status: 404,
      ok: false,
      data: { errorCode: "NOT_FOUND" },
      text: '{"errorCode":"NOT_FOUND"}',
      headers: { "content-type": "application/json;charset=UTF-8" },
    });
  });

  it("hands a non-JSON target body over as text", () => {
    expect(answer({ statusCode: 200, response: "<html>hi</html>", responseHeaders: {} })).toEqual({
      status: 200,
      ok: true,
      data: "<html>hi</html>",
      text: "<html>hi</html>",
      headers: {},
    });
  });

  it("keeps a JSON-looking body as text when the target's content type is not JSON", () => {
    const result = answer({
      statusCode: 200,
      response: JSON.stringify({ statusMessage: "123", status: "true" }),
      responseHeaders: { "content-type": "text/plain" },
    });
    expect(result.data).toBe("123");
    expect(result.text).toBe("123");
  });

  it("parses a statusMessage that is a JSON string when the content type is JSON", () => {
    const result = answer({
      statusCode: 200,
      response: JSON.stringify({ statusMessage: '{"a":1}', status: "true" }),
      responseHeaders: { "Content-Type": "application/json" },
    });
    expect(result.data).toEqual({ a: 1 });
    expect(result.text).toBe('{"a":1}');
  });

  it("accepts response and statusMessage already parsed, and a string statusCode", () => {
    const result = answer({ statusCode: "200", response: { statusMessage: { data: [] }, status: true } });
    expect(result).toEqual({ status: 200, ok: true, data: { data: [] }, text: '{"data":[]}', headers: {} });
  });

  it("does not mistake a target body with extra keys for the wrapper", () => {
    const body = { statusMessage: "hello", status: "ok", extra: 1 };
    expect(answer({ statusCode: 200, response: JSON.stringify(body) }).data).toEqual(body);
  });

  it("answers an empty text for an empty response", () => {
    expect(answer({ statusCode: 204, response: "" })).toEqual({
      status: 204,
      ok: true,
      data: "",
      text: "",
      headers: {},
    });
  });

  it("throws DeskApiError for an answer that is not an invoke answer", () => {
    for (const text of ["not json", "{}", '{"statusCode":"abc","response":""}', '{"statusCode":200}', "[]"]) {
      let thrown: unknown;
      try {
        parseInvokeResponse(text);
      } catch (error) {
        thrown = error;
      }
      expect(DeskApiError.isInstance(thrown)).toBe(true);
      expect((thrown as DeskApiError).status).toBe(200);
    }
  });
});
