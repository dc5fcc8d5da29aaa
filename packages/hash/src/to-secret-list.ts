import type { Secrets } from "./types.js";

const isSecret = (secret: unknown) => typeof secret === "string" && secret !== "";

/**
 * Normalises one secret or a rotation list to a non-empty list of non-empty strings. The message names the
 * rule only: a secret never appears in an error.
 */
export function toSecretList(secrets: Secrets): readonly string[] {
  const list = typeof secrets === "string" ? [secrets] : secrets;
  if (Array.isArray(list) && list.length > 0 && list.every(isSecret)) return list;
  throw new TypeError("@desk/hash: secrets must be 1+ non-empty strings");
}
