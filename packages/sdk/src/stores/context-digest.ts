/** Lowercase hex SHA-256 of a securityContext's UTF-8: how tombstones recognise it without keeping it. */
export async function contextDigest(securityContext: string): Promise<string> {
  const hash = new Uint8Array(
    await crypto.subtle.digest("SHA-256", new TextEncoder().encode(securityContext)),
  );
  return Array.from(hash, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
