import type { NearMissRule } from "./types.js";

/** The reason given for each near-miss rule, in one place. */
export const NEAR_MISS_REASONS: Readonly<Record<NearMissRule, string>> = {
  spaces: "spaces inside the braces",
  character: "a character no placeholder has",
  empty: "empty braces",
  unclosed: "no closing }}",
  braces: "more than two braces",
  name: "a name is a letter, then letters, digits or _",
  reserved: "installationId is reserved in any letter case",
  property: "no .id or .apiName at the end",
  case: ".id and .apiName are case-sensitive",
  dots: "too many dots",
};
