import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hashVectors } from "../../../fixtures/hash-vectors.js";
import { startEmulator } from "../src/index.js";
import { useEmulator } from "../src/testing.js";
import { fixtureManifest, fixtureResources } from "./helpers/fixture.js";
import { invoke, invoker } from "./helpers/invoke.js";

const vectors = hashVectors.invoke;

describe("the public known-answer vectors against the emulator", () => {
  const vector = vectors.find((item) => item.name === "get-storage-placeholder-no-body")!;
  const emulator = useEmulator({
    manifest: fixtureManifest({ secret: vector.secret }),
    resources: fixtureResources(),
  });

  it("accepts the vector's HASH for its exact fields, and refuses it for any other secret", async () => {
    const installation = await emulator.install({ orgId: "12345" });
    const answer = await invoke(emulator.url, emulator.secret, {
      fields: vector.fields,
      orgId: "12345",
      securityContext: installation.securityContext,
      hash: vector.hash,
    });
    expect(answer.status).toBe(200);
    expect(answer.target?.statusMessage).toEqual({ data: [] });
    const other = await startEmulator({ manifest: fixtureManifest(), port: 0, db: ":memory:" });
    try {
      const there = await other.install({ orgId: "12345" });
      const refused = await invoke(other.url, other.secret, {
        fields: vector.fields,
        orgId: "12345",
        securityContext: there.securityContext,
        hash: vector.hash,
      });
      expect(refused.body["errorCode"]).toBe("INVALID_HASH");
    } finally {
      await other.close();
    }
  });
});

describe("storage round-trips (property)", () => {
  const emulator = useEmulator({
    manifest: fixtureManifest(),
    resources: fixtureResources(),
    rateLimits: false,
  });

  const keyLike = fc.stringMatching(/^[A-Za-z0-9,_:]{1,50}$/);
  const value = fc.dictionary(
    fc.string({ maxLength: 12 }),
    fc.oneof(fc.string({ maxLength: 40 }), fc.integer(), fc.boolean(), fc.constant(null)),
    { maxKeys: 8 },
  );

  it("any valid key, queriableValue and value comes back exactly as stored", async () => {
    const installation = await emulator.install();
    const call = invoker(emulator.url, emulator.secret, installation);
    const url = "https://desk.zoho.com/api/v1/installedExtensions/{{installationId}}/storage";
    await fc.assert(
      fc.asyncProperty(keyLike, keyLike, value, async (key, queriableValue, stored) => {
        const added = await call({
          requestURL: url,
          requestType: "POST",
          postBody: JSON.stringify({ key, queriableValue, value: stored }),
        });
        expect(added.target?.statusCode).toBe(200);
        const got = await call({ requestURL: url, requestType: "GET", queryParams: JSON.stringify({ key }) });
        expect(got.target?.statusMessage).toEqual({ data: [{ key, queriableValue, value: stored }] });
      }),
      { seed: 42, numRuns: 40 },
    );
  });
});
