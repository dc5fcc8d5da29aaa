import { createHash } from "node:crypto";
import type { Redis } from "ioredis";

/**
 * A Lua script run by its SHA (EVALSHA), loaded on the first NOSCRIPT answer: atomic on the server, and the text
 * crosses the wire once per server rather than on every call.
 */
export function redisScript(source: string) {
  const sha = createHash("sha1").update(source).digest("hex");
  return async (
    client: Redis,
    keys: readonly string[],
    args: readonly (string | number)[],
  ): Promise<unknown> => {
    try {
      return await client.evalsha(sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!String((error as Error | undefined)?.message).startsWith("NOSCRIPT")) throw error;
      return client.eval(source, keys.length, ...keys, ...args);
    }
  };
}
