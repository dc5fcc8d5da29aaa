import { SdkOptionsError } from "../errors/sdk-options-error.js";

const TABLE = /^[A-Za-z_][A-Za-z0-9_]{0,50}$/;

/** A table name goes into SQL text (it cannot be a parameter): only plain identifiers pass. */
export function checkTableName(table: string): string {
  if (typeof table !== "string" || !TABLE.test(table)) {
    throw new SdkOptionsError({
      field: "table",
      rule: "identifier",
      message: "must be a letter or _ followed by at most 50 letters, digits or _",
    });
  }
  return table;
}
