import type { InvokeHashFields } from "@desk/hash";
import { INVOKE_HASH_FIELDS } from "@desk/hash";
import { unprocessable } from "../errors/emulator-request-error.js";
import { decodeFormComponent } from "./decode-form-component.js";

/** The invoke form as received: hashed fields exactly as sent, plus the unhashed securityContext. */
export interface InvokeForm {
  fields: InvokeHashFields;
  securityContext: string | undefined;
}

const KNOWN = new Set<string>([...INVOKE_HASH_FIELDS, "securityContext"]);

/** Parses the urlencoded form (spec 1); securityContext may also come in the query string [decision]. */
export function parseInvokeForm(
  bytes: Uint8Array,
  contentType: string | null,
  query: URLSearchParams,
): InvokeForm {
  const type = contentType?.split(";")[0]?.trim().toLowerCase();
  if (type !== undefined && type !== "" && type !== "application/x-www-form-urlencoded") {
    throw unprocessable("Content-Type", "the invoke body must be application/x-www-form-urlencoded");
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw unprocessable("body", "the invoke form is not valid UTF-8");
  }
  const values = new Map<string, string>();
  for (const part of text.split("&")) {
    if (part === "") continue;
    const equals = part.indexOf("=");
    const name = decodeFormComponent(equals === -1 ? part : part.slice(0, equals));
    if (name === undefined)
      throw unprocessable("body", "a form field name is not valid UTF-8 once percent-decoded");
    if (!KNOWN.has(name)) continue;
    const value = decodeFormComponent(equals === -1 ? "" : part.slice(equals + 1));
    // Never quote the value: it may be a securityContext or a secure config value.
    if (value === undefined)
      throw unprocessable(name, `form field ${name} is not valid UTF-8 once percent-decoded`);
    if (values.has(name)) throw unprocessable(name, `form field ${name} appears more than once`);
    values.set(name, value);
  }
  const fields: Record<string, string> = {};
  for (const name of INVOKE_HASH_FIELDS) {
    const value = values.get(name);
    if (value !== undefined) fields[name] = value;
  }
  return {
    fields,
    securityContext: values.get("securityContext") ?? query.get("securityContext") ?? undefined,
  };
}
