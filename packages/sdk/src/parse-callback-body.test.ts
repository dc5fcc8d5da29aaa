import { describe, expect, it } from "vitest";
import { CALLBACK_EVENTS } from "./callback-events.js";
import { CallbackPayloadError } from "./errors/callback-payload-error.js";
import { parseCallbackBody } from "./parse-callback-body.js";

const bytes = (text: string) => new TextEncoder().encode(text);
const parse = (body: unknown) => parseCallbackBody(bytes(JSON.stringify(body)));

function payloadError(run: () => unknown): CallbackPayloadError {
  try {
    run();
  } catch (error) {
    if (CallbackPayloadError.isInstance(error)) return error;
    throw error;
  }
  throw new Error("expected a CallbackPayloadError");
}

describe("parseCallbackBody", () => {
  it("hands orgId back as a string whether Desk sent a number or a string", () => {
    expect(parse({ event: "onInstall", orgId: 387238, securityContext: "sc" }).orgId).toBe("387238");
    expect(parse({ event: "onInstall", orgId: "387238", securityContext: "sc" }).orgId).toBe("387238");
  });

  it("keeps every digit of a numeric orgId too large for a double", () => {
    const event = parseCallbackBody(
      bytes('{"event":"onInstall","orgId":90071992547409931,"securityContext":"s"}'),
    );
    expect(event.orgId).toBe("90071992547409931");
  });

  it("accepts every documented event as its own type", () => {
    for (const name of CALLBACK_EVENTS) {
      const event = parse({ event: name, orgId: 1, securityContext: "sc" });
      expect([event.event, event.type]).toEqual([name, name]);
    }
  });

  it("maps the spellings seen in the wild to the documented event, keeping what was sent", () => {
    const seen = ["onDeskAuthorise", "onTPAAuthorize", "onConfigParamChange"].map((name) => {
      const { event, type } = parse({ event: name, orgId: 1, securityContext: "sc" });
      return [event, type];
    });
    expect(seen).toEqual([
      ["onDeskAuthorise", "onZohoAuthorise"],
      ["onTPAAuthorize", "onTPAAuthorise"],
      ["onConfigParamChange", "onConfigParamAdd"],
    ]);
  });

  it("passes unknown events through as such, including names of Object.prototype members", () => {
    expect(parse({ event: "onSomethingNew", orgId: 1, securityContext: "sc" }).type).toBe("onSomethingNew");
    expect(parse({ event: "constructor", orgId: 1, securityContext: "sc" }).type).toBe("constructor");
  });

  it("keeps the other body fields in payload and the securityContext out of JSON and enumeration", () => {
    const event = parse({ event: "onUpdate", orgId: 7, securityContext: "top-secret", version: "1.1.0" });
    expect(event.payload).toEqual({ version: "1.1.0" });
    expect(event.securityContext).toBe("top-secret");
    expect(JSON.stringify(event)).toBe(
      '{"event":"onUpdate","type":"onUpdate","orgId":"7","payload":{"version":"1.1.0"}}',
    );
    expect(Object.keys(event)).toEqual(["event", "type", "orgId", "payload"]);
  });

  it.each([
    ["not UTF-8", new Uint8Array([0x7b, 0xff, 0x7d]), "body", "utf8"],
    ["not JSON", bytes("{event:"), "body", "json"],
    ["an array", bytes("[]"), "body", "object"],
    ["null", bytes("null"), "body", "object"],
    ["no event", bytes('{"orgId":1,"securityContext":"s"}'), "event", "required"],
    ["an empty event", bytes('{"event":"","orgId":1,"securityContext":"s"}'), "event", "required"],
    ["no securityContext", bytes('{"event":"onInstall","orgId":1}'), "securityContext", "required"],
    ["no orgId", bytes('{"event":"onInstall","securityContext":"s"}'), "orgId", "digits"],
    ["a letter orgId", bytes('{"event":"onInstall","orgId":"12a","securityContext":"s"}'), "orgId", "digits"],
    ["a negative orgId", bytes('{"event":"onInstall","orgId":-1,"securityContext":"s"}'), "orgId", "digits"],
    [
      "a fractional orgId",
      bytes('{"event":"onInstall","orgId":1.5,"securityContext":"s"}'),
      "orgId",
      "digits",
    ],
  ])("refuses a body that is %s with field and rule, without quoting it", (_, raw, field, rule) => {
    const error = payloadError(() => parseCallbackBody(raw));
    expect([error.field, error.rule, error.status]).toEqual([field, rule, 400]);
    expect(error.message.startsWith(`@desk/sdk: callback ${field} `)).toBe(true);
    expect(error.message).not.toContain('"s"');
  });

  it("regression: a JSON error had V8's SyntaxError as cause, which quoted part of the securityContext", () => {
    // V8 quotes about ten characters around the fault: here the end of the securityContext.
    const raw = bytes('{"event":"onInstall","securityContext":"sc-0123456789-TAIL","x":undefined}');
    const error = payloadError(() => parseCallbackBody(raw));
    expect([error.field, error.rule, error.cause]).toEqual(["body", "json", undefined]);
    expect(JSON.stringify([error.message, String(error.stack)])).not.toContain("TAIL");
  });
});
