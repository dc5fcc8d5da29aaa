// The @desk/extension-data README examples, run as written against the emulator.
import { useEmulator } from "@desk/emulator/testing";
import { describe, expect, it } from "vitest";
import { example, manifestFor, runExample } from "./harness.js";

describe("@desk/extension-data README examples", () => {
  const manifest = manifestFor("extension-data", {});
  const secret = manifest.secret;
  const emulator = useEmulator({ manifest, resources: example("extension-data/resources.json") });
  const envFor = async (orgId: string) => {
    const installation = await emulator.install({ orgId });
    return {
      DESK_SECRET: secret,
      DESK_BASE_URL: emulator.url,
      DESK_ORG_ID: installation.orgId,
      DESK_SECURITY_CONTEXT: installation.securityContext,
    };
  };

  it("Example: storage, a log group and a permission", async () => {
    const env = await envFor("12345");
    expect(await runExample(example("extension-data/quick-start.ts"), { env })).toEqual({
      code: 0,
      stdout: "ticket:42 { issue: 'TRK-7' }\nthis installation may escalate\n",
      stderr: "",
    });
  });

  it("API sections: storage, typed views, rate limiter, config params, logs, permissions", async () => {
    const env = await envFor("23456");
    const run = await runExample(example("extension-data/tour.ts"), { env });
    expect(run.stderr).toBe("");
    expect(run.stdout.split("\n")).toEqual([
      "3",
      "ticket:42",
      "ticket:43",
      "ticket:44",
      `stored: {"key":"ticket:42","queriableValue":"open","value":{"state":"open"}}`,
      `value: {"state":"open"}`,
      `item: {"key":"ticket:42","queriableValue":"open","value":{"state":"open"}}`,
      `page: {"keys":["ticket:42","ticket:43","ticket:44"],"from":0,"limit":20,"hasMore":false}`,
      "existed: true",
      `deleted: ["ticket:43","ticket:44"]`,
      `ticket: {"state":"open","issue":"TRK-7"}`,
      `limited: {"state":"open","issue":"TRK-7"}`,
      `params: {"trackerUrl":{"value":"https://tracker.example.com","masked":false},"trackerToken":{"value":"********","masked":true}}`,
      "group size: 2",
      `permissions: [{"apiName":"canEscalate","isEnabled":true}]`,
      "mayEscalate: true",
      "",
    ]);
    expect(run.code).toBe(0);
  });
});
