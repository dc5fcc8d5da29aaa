import { createExtensionData } from "@desk/extension-data";
import { createSigner, type RawBody } from "@desk/hash";
import { createInvokeClient } from "@desk/invoke-core";
import { CallbackVerificationError } from "./errors/callback-verification-error.js";
import { NotInstalledError } from "./errors/not-installed-error.js";
import { SdkOptionsError } from "./errors/sdk-options-error.js";
import { parseCallbackBody } from "./parse-callback-body.js";
import type { CreateDeskOptions, Desk, Installation, InstallationRecord } from "./types.js";

const DEFAULT_CACHE_SIZE = 1000;

function secretsOf({ secret }: CreateDeskOptions): readonly string[] {
  const secrets =
    typeof secret === "string" ? [secret] : Array.isArray(secret) ? (secret as readonly unknown[]) : [];
  if (secrets.length === 0 || secrets.some((one) => typeof one !== "string" || one === "")) {
    throw new SdkOptionsError({
      field: "secret",
      rule: "required",
      message: "must be a non-empty string, or a list of them during a rotation",
    });
  }
  return secrets as readonly string[];
}

function bytesOf(body: RawBody): Uint8Array {
  if (typeof body === "string") return new TextEncoder().encode(body);
  return body instanceof Uint8Array ? body : new Uint8Array(body);
}

/**
 * The SDK's entry point for one extension (one manifest secret): verifies platform event callbacks and hands out
 * the clients of each installation (invoke, storage, config, logs, permissions).
 *
 * @throws {SdkOptionsError} when no non-empty secret is given.
 * @example
 * import { createDesk } from "@desk/sdk";
 *
 * const desk = createDesk({ secret: process.env.DESK_SECRET!, dataCenter: "com" });
 * const event = await desk.callbacks.verify(request); // throws CallbackVerificationError on a bad HASH
 * const inst = desk.installation(event);
 * await inst.logs.add({ title: "installed", description: `org ${event.orgId}` });
 */
export function createDesk(options: CreateDeskOptions): Desk {
  const secrets = secretsOf(options);
  const cacheSize = options.cacheSize ?? DEFAULT_CACHE_SIZE;
  if (!Number.isInteger(cacheSize) || cacheSize < 1) {
    throw new SdkOptionsError({
      field: "cacheSize",
      rule: "range",
      message: "must be a whole number from 1",
    });
  }
  // One prepared key for every callback; invoke clients prepare their own once each.
  const signer = createSigner(secrets);
  // Insertion order doubles as recency: a hit is moved to the end, the first key is the least recently used.
  const cache = new Map<string, { orgId: string; installation: Installation }>();

  const verifyRaw = async (body: RawBody, hash: string | null | undefined) => {
    const result = await signer.verifyCallback(body, hash);
    if (!result.valid) throw new CallbackVerificationError({ reason: result.reason });
    return parseCallbackBody(bytesOf(body));
  };

  const create = ({ orgId, securityContext }: InstallationRecord): Installation => {
    const client = createInvokeClient({
      ...options.invoke,
      secret: secrets,
      orgId,
      securityContext,
      ...(options.dataCenter && { dataCenter: options.dataCenter }),
      ...(options.baseUrl && { baseUrl: options.baseUrl }),
    });
    return {
      invoke: (request) => client.invoke(request),
      ...createExtensionData(client, options.extensionData),
      client,
    };
  };

  return {
    callbacks: {
      verify: async (request) =>
        verifyRaw(new Uint8Array(await request.arrayBuffer()), request.headers.get("HASH")),
      verifyRaw,
    },
    installation(record) {
      // What `store.get(orgId)` gives for an org without an installation.
      if (record === undefined || record === null) throw new NotInstalledError();
      if (typeof record?.orgId !== "string" || typeof record.securityContext !== "string") {
        throw new SdkOptionsError({
          field: "installation",
          rule: "type",
          message: "needs orgId and securityContext as strings",
        });
      }
      // A newline cannot be in either part of a valid key, so the pair maps to one key only.
      const key = `${record.orgId}\n${record.securityContext}`;
      const hit = cache.get(key);
      if (hit) {
        cache.delete(key);
        cache.set(key, hit);
        return hit.installation;
      }
      const installation = create(record);
      cache.set(key, { orgId: record.orgId, installation });
      if (cache.size > cacheSize) cache.delete(cache.keys().next().value as string);
      return installation;
    },
    forget(orgId) {
      for (const [key, entry] of cache) if (entry.orgId === orgId) cache.delete(key);
    },
  };
}
