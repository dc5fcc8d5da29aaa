import { INVOKE_HASH_FIELDS, type InvokeHashFields } from "./invoke-hash-fields.js";

/**
 * The canonical string of spec 1.1: one string, or, when a value is large, pieces whose concatenation is the
 * string (so a large postBody is never copied before hashing). Empty fields are skipped unless `keepEmpty`.
 */
export function canonical(fields: InvokeHashFields, keepEmpty: boolean): string | string[] {
  if (Object(fields) !== fields) throw new TypeError("@desk/hash: fields must be an object");
  let run = "";
  let pieces: string[] | undefined;
  for (const name of INVOKE_HASH_FIELDS) {
    const value: unknown = fields[name];
    // null counts as absent: form parsers and JSON hand it out for "not sent".
    if (value === undefined || value === null || (value === "" && !keepEmpty)) continue;
    if (typeof value !== "string")
      throw new TypeError(`@desk/hash: field ${name} must be a string, not ${typeof value}`);
    // Raw values, no URL-encoding: Desk hashes the form values as they are (spec 1.1).
    run += `${run || pieces ? "&" : ""}${name}=`;
    // Values of 1 KiB and up are handed to the HMAC as they are: a freshly concatenated string must be
    // flattened (copied) before hashing, which costs more than one extra `update` call (measured at 4 KiB).
    if (value.length < 1024) run += value;
    else {
      pieces ??= [];
      pieces.push(run, value);
      run = "";
    }
  }
  return pieces ? [...pieces, run] : run;
}
