import type { NearMissRule } from "./types.js";

/** The reason given for each near-miss rule, in one place. */
export const NEAR_MISS_REASONS: Readonly<Record<NearMissRule, string>> = {
  spaces: "spaces inside the braces",
  character: "a character no placeholder has",
  empty: "empty braces",
  unclosed: "no closing }}",
  braces: "too many braces",
  name: "a name starts with a letter",
  reserved: "installationId is reserved",
  property: "needs .id or .apiName",
  case: "write .id or .apiName",
  dots: "too many dots",
};
