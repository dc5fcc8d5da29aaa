import { CALLBACK_EVENT_ALIASES } from "./callback-events.js";
import { CallbackPayloadError } from "./errors/callback-payload-error.js";
import type { CallbackEvent } from "./types.js";

const decoder = new TextDecoder("utf-8", { fatal: true });
const ORG_ID_DIGITS = /^\d{1,20}$/;

/** The exact digits of a numeric orgId too large for a double, read from the raw text (JSON.parse rounds it). */
function bigOrgId(text: string): string | undefined {
  const found = [...text.matchAll(/"orgId"\s*:\s*(\d{1,20})\s*[,}]/g)];
  return found.length === 1 ? found[0]?.[1] : undefined;
}

function orgIdOf(value: unknown, text: string): string {
  if (typeof value === "number" && Number.isInteger(value) && value >= 0) {
    const digits = Number.isSafeInteger(value) ? String(value) : bigOrgId(text);
    if (digits !== undefined) return digits;
  }
  if (typeof value === "string" && ORG_ID_DIGITS.test(value)) return value;
  throw new CallbackPayloadError({
    field: "orgId",
    rule: "digits",
    message: "must be a whole number or a string of 1 to 20 digits",
  });
}

/**
 * Parses a verified callback body (spec 4): `event` and `securityContext` non-empty strings, `orgId` a number or a
 * digit string (handed back as a string), anything else kept in `payload`. Unknown events pass through.
 */
export function parseCallbackBody(raw: Uint8Array): CallbackEvent {
  let text: string;
  let body: unknown;
  try {
    text = decoder.decode(raw);
  } catch (error) {
    throw new CallbackPayloadError({
      field: "body",
      rule: "utf8",
      message: "must be UTF-8 text",
      cause: error,
    });
  }
  try {
    body = JSON.parse(text);
  } catch {
    // No cause: V8's SyntaxError quotes the text around the fault, which can be part of the securityContext.
    throw new CallbackPayloadError({ field: "body", rule: "json", message: "must be JSON" });
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new CallbackPayloadError({ field: "body", rule: "object", message: "must be a JSON object" });
  }
  const { event, orgId, securityContext, ...payload } = body as Record<string, unknown>;
  if (typeof event !== "string" || event === "") {
    throw new CallbackPayloadError({
      field: "event",
      rule: "required",
      message: "must be a non-empty string",
    });
  }
  if (typeof securityContext !== "string" || securityContext === "") {
    throw new CallbackPayloadError({
      field: "securityContext",
      rule: "required",
      message: "must be a non-empty string",
    });
  }
  // hasOwn: an event named like an Object.prototype member ("constructor") is an unknown event, not an alias.
  const type = Object.hasOwn(CALLBACK_EVENT_ALIASES, event) ? CALLBACK_EVENT_ALIASES[event]! : event;
  const result = { event, type, orgId: orgIdOf(orgId, text), payload };
  // Non-enumerable: a logged or serialised event does not carry the installation's credential.
  return Object.defineProperty(result, "securityContext", { value: securityContext }) as CallbackEvent;
}
