// The @desk/errors README examples, run as written: catching any @desk/* error (against the emulator), and an
// error class of your own on the same base.
import { useEmulator } from "@desk/emulator/testing";
import { describe, expect, it } from "vitest";
import { example, manifestFor, runExample } from "./harness.js";

describe("@desk/errors README examples", () => {
  const manifest = manifestFor("extension-data", {});
  const secret = manifest.secret;
  const emulator = useEmulator({ manifest });

  it("DeskError.isInstance catches an error of another @desk package", async () => {
    const { orgId, securityContext } = await emulator.install({ orgId: "12345" });
    const env = {
      DESK_SECRET: secret,
      DESK_BASE_URL: emulator.url,
      DESK_ORG_ID: orgId,
      DESK_SECURITY_CONTEXT: securityContext,
    };
    const run = await runExample(example("errors/catch.ts"), { env });
    expect([run.code, run.stdout]).toEqual([0, ""]);
    expect(run.stderr).toMatch(/^ExtensionDataValidationError @desk\/extension-data: .*key/);
    expect(run.stderr).not.toContain(securityContext);
  });

  it("an error class of your own is branded, typed and serialises its fields only", async () => {
    expect(await runExample(example("errors/quota-error.ts"))).toEqual({
      code: 0,
      stdout: 'QuotaError @desk/my-adapter: over the quota of 3 true true\n{"limit":3}\n',
      stderr: "",
    });
  });
});
