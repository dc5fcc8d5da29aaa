import { INSTALLATION_ID, NAME_PATTERN } from "./grammar.js";
import type { NearMissRule, Placeholder } from "./types.js";

/**
 * Classifies the text between `{{` and `}}`: the placeholder it denotes, or the rule it breaks.
 * @example
 * classifyBody("fields.x.id"); // { kind: "resourceId", resourceType: "fields", resourceName: "x", token: "{{fields.x.id}}" }
 * classifyBody("fields.x"); // "property"
 */
export function classifyBody(body: string): Placeholder | NearMissRule {
  // Text no body holds: spaces ("{{ installationId }}"), any other character ("{{jira-key}}").
  if (/[^\w.]/.test(body)) return /\s/.test(body) ? "spaces" : "character";
  const token = `{{${body}}}`;
  const parts = body.split(".");
  const [type, name, property] = parts as [string, string, string?];
  if (parts.length === 1) {
    // installationId in any other letter case is reserved: never a config name.
    if (/^installationid$/i.test(body))
      return body === INSTALLATION_ID ? { kind: "installationId", token } : "reserved";
    return NAME_PATTERN.test(body) ? { kind: "config", name: body, token } : body ? "name" : "empty";
  }
  if (parts.length > 3) return "dots";
  if (!NAME_PATTERN.test(type) || !NAME_PATTERN.test(name)) return "name";
  if (property === "id" || property === "apiName") {
    const kind = property === "id" ? "resourceId" : "resourceApiName";
    return { kind, resourceType: type, resourceName: name, token };
  }
  return /^(id|apiname)$/i.test(property ?? "") ? "case" : "property";
}
