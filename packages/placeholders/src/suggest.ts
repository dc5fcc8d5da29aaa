import { classifyBody } from "./classify-body.js";
import { INSTALLATION_ID } from "./grammar.js";

/**
 * The well-formed token a near-miss most likely meant, if there is one: trims spaces, fixes the case of
 * installationId / id / apiName, and completes `type.name` with `.id`.
 * @example
 * suggest(" installationId "); // "{{installationId}}"
 * suggest("fields.x.ID"); // "{{fields.x.id}}"
 */
export function suggest(inner: string): string | undefined {
  let body = inner.trim();
  if (body.toLowerCase() === "installationid") body = INSTALLATION_ID;
  const parts = body.split(".");
  if (parts.length === 2) parts.push("id");
  const property = parts[2]?.toLowerCase();
  if (property === "id" || property === "apiname") parts[2] = property === "id" ? "id" : "apiName";
  const found = classifyBody(parts.join("."));
  return typeof found === "object" ? found.token : undefined;
}
