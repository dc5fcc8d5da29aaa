import { REASONS } from "./reasons.js";
import type { PlaceholderLocation } from "./types.js";

/**
 * The one message pattern for every placeholder problem: the placeholder (its first 40 characters, as a
 * near-miss can be a long run of braces), the location and the rule's reason.
 * @example
 * issueMessage("{{jiraAuthKey}}", "postBody", "location"); // "{{jiraAuthKey}} in postBody: not allowed there"
 */
export const issueMessage = (
  token: string,
  location: PlaceholderLocation,
  rule: keyof typeof REASONS,
): string => `${token.slice(0, 40)} in ${location}: ${REASONS[rule]}`;
