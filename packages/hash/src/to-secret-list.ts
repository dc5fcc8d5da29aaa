import type { Secrets } from "./types.js";

const isSecret = (secret: unknown) => typeof secret === "string" && secret !== "";

// The message names the rule only: a secret never appears in an error.
const refuse = () => {
  throw new TypeError("@desk/hash: secret must be a non-empty string, or a non-empty array of them");
};

/** Checks one secret (the signing functions take exactly one). */
export function checkSecret(secret: string): string {
  return isSecret(secret) ? secret : refuse();
}

/** Normalises one secret or a rotation list to a non-empty list of non-empty strings. */
export function toSecretList(secrets: Secrets): readonly string[] {
  const list = typeof secrets === "string" ? [secrets] : secrets;
  return Array.isArray(list) && list.length > 0 && list.every(isSecret) ? list : refuse();
}
