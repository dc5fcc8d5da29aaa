import { EmulatorRequestError } from "../errors/emulator-request-error.js";
import type { Manifest } from "../manifest/manifest-schema.js";

/** Checks that every name is a config param of the manifest and every value a string. */
export function validateConfigValues(manifest: Manifest, values: unknown): Record<string, string> {
  if (typeof values !== "object" || values === null || Array.isArray(values)) {
    throw new EmulatorRequestError({
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      message: "config values must be an object of name -> string",
      field: "config",
    });
  }
  const known = new Set((manifest.config ?? []).map((param) => param.name));
  const checked: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    if (!known.has(name)) {
      const list = [...known].join(", ") || "none";
      throw new EmulatorRequestError({
        status: 422,
        errorCode: "UNKNOWN_CONFIG_PARAM",
        message: `config param ${name} is not declared in plugin-manifest.json config (declared: ${list})`,
        field: `config.${name}`,
      });
    }
    if (typeof value !== "string") {
      throw new EmulatorRequestError({
        status: 422,
        errorCode: "UNPROCESSABLE_ENTITY",
        message: `config param ${name} must be a string`,
        field: `config.${name}`,
      });
    }
    checked[name] = value;
  }
  return checked;
}
