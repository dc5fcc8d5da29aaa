import { DeskError } from "@desk/errors";
import { describe, expect, it } from "vitest";
import { CliError } from "../src/cli/cli-error.js";
import { EmulatorError, EmulatorRequestError, ManifestError } from "../src/index.js";

describe("emulator errors on the one @desk/errors base (issue 14)", () => {
  const errors = [
    new EmulatorError({ message: "x" }),
    new EmulatorRequestError({
      status: 404,
      errorCode: "INSTALLATION_NOT_FOUND",
      message: "gone",
      field: "id",
    }),
    new ManifestError({ file: "plugin-manifest.json", field: "secret", rule: "is required" }),
    new CliError({ message: "no emulator", exitCode: 3, errorCode: "EMULATOR_UNREACHABLE" }),
  ];

  it.each(errors.map((error) => [error.name, error] as const))(
    "%s passes DeskError.isInstance and EmulatorError.isInstance",
    (_, error) => {
      expect(DeskError.isInstance(error)).toBe(true);
      expect(EmulatorError.isInstance(error)).toBe(true);
      expect(error.message.startsWith("@desk/emulator: ")).toBe(true);
      // name lives on the prototype: not an own, enumerable field, so JSON holds only the error's own fields.
      expect(Object.keys(error)).not.toContain("name");
      expect(JSON.stringify(error)).not.toContain('"name"');
    },
  );

  it("each class checks its own brand; CliError carries errorCode like every other error", () => {
    const [base, request, manifest, cli] = errors as [
      EmulatorError,
      EmulatorRequestError,
      ManifestError,
      CliError,
    ];
    expect(EmulatorRequestError.isInstance(request)).toBe(true);
    expect(EmulatorRequestError.isInstance(base)).toBe(false);
    expect(ManifestError.isInstance(request)).toBe(false);
    expect(CliError.isInstance(manifest)).toBe(false);
    expect([cli.name, cli.errorCode, cli.exitCode]).toEqual(["CliError", "EMULATOR_UNREACHABLE", 3]);
    expect([request.name, request.status, request.errorCode, request.field]).toEqual([
      "EmulatorRequestError",
      404,
      "INSTALLATION_NOT_FOUND",
      "id",
    ]);
  });
});
