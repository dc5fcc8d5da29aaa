import { EmulatorError } from "./emulator-error.js";

const BRAND = Symbol.for("@desk/emulator/ManifestError");

/**
 * A plugin-manifest.json or resources.json that breaks a rule: names the file, the field and the rule.
 *
 * @example
 * try { loadManifestFile({ name: "x" }); }
 * catch (error) { if (ManifestError.isInstance(error)) console.error(error.file, error.field, error.rule); }
 */
export class ManifestError extends EmulatorError {
  static override isInstance(value: unknown): value is ManifestError {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }

  readonly file: string;
  readonly field: string;
  readonly rule: string;

  constructor(file: string, field: string, rule: string, options?: { cause?: unknown }) {
    super(`${file}: ${field || "(root)"}: ${rule}`, options);
    this.name = "ManifestError";
    this.file = file;
    this.field = field;
    this.rule = rule;
  }
}

Object.defineProperty(ManifestError.prototype, BRAND, { value: true });
