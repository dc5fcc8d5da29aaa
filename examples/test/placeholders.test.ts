// The @desk/placeholders README example, run as written (client-side checks and the Desk-side resolver).
import { describe, expect, it } from "vitest";
import { example, runExample } from "./harness.js";

describe("@desk/placeholders README example", () => {
  it("builds, checks and resolves placeholders", async () => {
    expect(await runExample(example("placeholders/placeholders.ts"))).toEqual({
      code: 0,
      stdout: [
        "https://desk.zoho.com/api/v1/installedExtensions/{{installationId}}/storage",
        "[]",
        `{"Authorization":"Bearer s3\\"cret"}`,
        "",
      ].join("\n"),
      stderr: "",
    });
  });
});
