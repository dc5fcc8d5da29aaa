import { describe, expect, it } from "vitest";
import { MASKED_CONFIG_VALUE } from "../src/index.js";
import { useEmulator } from "../src/testing.js";
import { fixtureManifest, fixtureResources } from "./helpers/fixture.js";
import { invoker } from "./helpers/invoke.js";

// Checks run after substitution, so a refusal can quote a substituted part: a secure value must be masked there.
describe("invoke errors never echo a secure config value substituted into the request", () => {
  const emulator = useEmulator({
    manifest: fixtureManifest(),
    resources: fixtureResources(),
  });

  const callWithToken = async (trackerToken: string) =>
    invoker(emulator.url, emulator.secret, await emulator.install({ config: { trackerToken } }));

  it("secure value moved into the host: DOMAIN_NOT_WHITELISTED masks it", async () => {
    const call = await callWithToken("s3cret-host");
    const answer = await call({ requestURL: "https://{{trackerToken}}.example.org/x", requestType: "GET" });
    expect(answer.status).toBe(403);
    expect(answer.body["errorCode"]).toBe("DOMAIN_NOT_WHITELISTED");
    expect(JSON.stringify(answer.body)).not.toContain("s3cret-host");
    expect(answer.body["message"]).toContain(`https://${MASKED_CONFIG_VALUE}.example.org`);
  });

  it("secure value as a header name: the invalid-name refusal masks it", async () => {
    const call = await callWithToken("bad name s3cret");
    const answer = await call({
      requestURL: "https://tracker.example.com/x",
      requestType: "GET",
      headers: '{"{{trackerToken}}":"x"}',
    });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ errorCode: "UNPROCESSABLE_ENTITY", fieldName: "headers" });
    expect(JSON.stringify(answer.body)).not.toContain("s3cret");
  });

  it("secure value as a queryParams name: the bad-value refusal masks it", async () => {
    const call = await callWithToken("qp_s3cret");
    const answer = await call({
      requestURL: "https://tracker.example.com/x",
      requestType: "GET",
      queryParams: '{"{{trackerToken}}":{"nested":true}}',
    });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ errorCode: "UNPROCESSABLE_ENTITY", fieldName: "queryParams" });
    expect(JSON.stringify(answer.body)).not.toContain("qp_s3cret");
  });
});
