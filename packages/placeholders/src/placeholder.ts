import { classifyBody } from "./classify-body.js";
import { PlaceholderSyntaxError } from "./errors/placeholder-syntax-error.js";
import { INSTALLATION_ID } from "./grammar.js";
import { REASONS } from "./reasons.js";
import type { Placeholder } from "./types.js";

// Builds through the parser's own grammar, so a builder can never produce a token the parser would not read back.
const build = (body: string, kind: string): string => {
  const found = classifyBody(body);
  // A rule (a string) has no kind.
  if ((found as Placeholder).kind === kind) return (found as Placeholder).token;
  // Every failure is a bad name (dots and empty names included), except installationId in any letter case
  // (which classifies as "reserved", or as the installation id itself).
  const rule = found === "reserved" || body === INSTALLATION_ID ? "reserved" : "name";
  const token = `{{${body}}}`;
  throw new PlaceholderSyntaxError({ message: `cannot build ${token}: ${REASONS[rule]}`, rule, token });
};

/**
 * Typed builders for the four kinds of placeholder; each returns the token text and throws
 * `PlaceholderSyntaxError` (rule "name", or "reserved" for installationId) for a name Desk would reject.
 * @example
 * placeholder.installationId(); // "{{installationId}}"
 * placeholder.config("jiraAuthKey"); // "{{jiraAuthKey}}"
 * placeholder.resourceApiName("fields", "trackerKey"); // "{{fields.trackerKey.apiName}}"
 */
export const placeholder: {
  installationId(): string;
  config(name: string): string;
  resourceId(resourceType: string, resourceName: string): string;
  resourceApiName(resourceType: string, resourceName: string): string;
} = {
  installationId: () => `{{${INSTALLATION_ID}}}`,
  config: (name) => build(name, "config"),
  resourceId: (type, name) => build(`${type}.${name}.id`, "resourceId"),
  resourceApiName: (type, name) => build(`${type}.${name}.apiName`, "resourceApiName"),
};
