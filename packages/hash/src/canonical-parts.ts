import { INVOKE_HASH_FIELDS, type InvokeHashFields } from "./invoke-hash-fields.js";

// Values this long are handed to the HMAC as they are: concatenating them would copy (and, past 128 KiB,
// allocate a large-object string the GC must sweep) more bytes than one extra `update` call costs.
const LARGE = 8192;

/**
 * The canonical string of spec 1.1 in pieces whose concatenation is the string: short runs joined, long values
 * left whole. Present-but-empty fields are skipped unless `keepEmpty`.
 */
export function canonicalParts(fields: InvokeHashFields, keepEmpty: boolean): string[] {
  if (typeof fields !== "object" || fields === null)
    throw new TypeError("@desk/hash: fields must be an object");
  const parts: string[] = [];
  let run = "";
  let started = false;
  for (const name of INVOKE_HASH_FIELDS) {
    const value: unknown = fields[name];
    // null counts as absent: form parsers and JSON hand it out for "not sent".
    if (value === undefined || value === null || (value === "" && !keepEmpty)) continue;
    if (typeof value !== "string")
      throw new TypeError(`@desk/hash: field ${name} must be a string, not ${typeof value}`);
    // Raw values, no URL-encoding: Desk hashes the form values as they are (spec 1.1).
    run += `${started ? "&" : ""}${name}=`;
    started = true;
    if (value.length < LARGE) run += value;
    else {
      parts.push(run, value);
      run = "";
    }
  }
  if (run !== "" || parts.length === 0) parts.push(run);
  return parts;
}
