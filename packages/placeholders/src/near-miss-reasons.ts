import type { NearMissRule } from "./types.js";

/** The reason given for each near-miss rule, in one place. */
export const NEAR_MISS_REASONS: Readonly<Record<NearMissRule, string>> = {
  spaces: "spaces inside",
  character: "bad character",
  empty: "empty",
  unclosed: "not closed",
  braces: "too many braces",
  name: "a name starts with a letter",
  reserved: "installationId is reserved",
  property: "ends in .id or .apiName",
  case: "ends in .id or .apiName",
  dots: "too many dots",
};
