import type { NearMissRule } from "./types.js";

/** The rules an error can name besides the near-miss ones. */
export type ErrorRule = "location" | "unknown" | "header-newline";

/** The reason given for every rule, near-misses and errors alike, in one place (one short text each). */
export const REASONS: Readonly<Record<NearMissRule | ErrorRule, string>> = {
  spaces: "spaces inside",
  character: "bad character",
  empty: "empty",
  unclosed: "not closed",
  braces: "too many braces",
  name: "bad name",
  reserved: "installationId is reserved",
  property: "ends in .id or .apiName",
  case: "ends in .id or .apiName",
  dots: "too many dots",
  location: "not allowed there",
  unknown: "unknown placeholder",
  "header-newline": "value has CR or LF",
};
