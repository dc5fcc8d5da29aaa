import { Redis } from "ioredis";
import { SdkOptionsError } from "../errors/sdk-options-error.js";

const PREFIX = /^[A-Za-z0-9:_.-]{1,100}$/;

/** Checks a key prefix: it is joined into every key, so only plain characters pass. */
export function checkPrefix(prefix: string): string {
  if (typeof prefix !== "string" || !PREFIX.test(prefix)) {
    throw new SdkOptionsError({
      field: "prefix",
      rule: "characters",
      message: "must be 1 to 100 letters, digits, ':', '_', '.' or '-'",
    });
  }
  return prefix;
}

/**
 * The client given (left open by `close`) or one opened lazily from `url` (closed by `close`).
 */
export function redisConnection(options: { client?: Redis | undefined; url?: string | undefined }) {
  if (!options.client && typeof options.url !== "string") {
    throw new SdkOptionsError({ field: "url", rule: "required", message: "or client must be given" });
  }
  let own: Redis | undefined;
  return {
    get(): Redis {
      if (options.client) return options.client;
      own ??= new Redis(options.url as string);
      return own;
    },
    async close() {
      const client = own;
      own = undefined;
      if (client) await client.quit().catch(() => client.disconnect());
    },
  };
}
