import { classifyBody } from "./classify-body.js";
import type { Placeholder } from "./types.js";

/**
 * The well-formed token a near-miss most likely meant, if there is one: trims spaces, fixes the case of
 * installationId / id / apiName, and completes `type.name` with `.id`.
 * @example
 * suggest(" installationId "); // "{{installationId}}"
 * suggest("fields.x.ID"); // "{{fields.x.id}}"
 */
export function suggest(inner: string): string | undefined {
  let body = inner
    .trim()
    .replace(/^installationid$/i, "installationId")
    .replace(/\.(id|apiname)$/i, (end) => (end.length > 3 ? ".apiName" : ".id"));
  if (body.split(".").length === 2) body += ".id";
  // A rule (a string) has no token: undefined.
  return (classifyBody(body) as Partial<Placeholder>).token;
}
