import type { DeskRuleFinding } from "../manifest/desk-rules/finding.js";
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
  /** With `strict`: every one of Zoho's rules that failed, in zet's words (the first is `file`/`field`/`rule`). */
  readonly findings: readonly DeskRuleFinding[];

  constructor(
    file: string,
    field: string,
    rule: string,
    options?: { cause?: unknown; findings?: readonly DeskRuleFinding[] },
  ) {
    super(
      `${file}: ${field || "(root)"}: ${rule}`,
      options?.cause === undefined ? {} : { cause: options.cause },
    );
    this.findings = options?.findings ?? [];
    this.name = "ManifestError";
    this.file = file;
    this.field = field;
    this.rule = rule;
  }
}

Object.defineProperty(ManifestError.prototype, BRAND, { value: true });
