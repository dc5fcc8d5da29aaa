import { brandError } from "@desk/errors";
import type { DeskRuleFinding } from "../manifest/desk-rules/finding.js";
import { EmulatorError } from "./emulator-error.js";

/**
 * A plugin-manifest.json or resources.json that breaks a rule: names the file, the field and the rule.
 *
 * @example
 * try { loadManifestFile({ name: "x" }); }
 * catch (error) { if (ManifestError.isInstance(error)) console.error(error.file, error.field, error.rule); }
 */
export class ManifestError extends EmulatorError {
  static override readonly brand: symbol = brandError(this, "@desk/emulator/ManifestError");

  readonly file: string;
  readonly field: string;
  readonly rule: string;
  /** With `strict`: every one of Zoho's rules that failed, in zet's words (the first is `file`/`field`/`rule`). */
  readonly findings: readonly DeskRuleFinding[];

  constructor(options: {
    file: string;
    field: string;
    rule: string;
    findings?: readonly DeskRuleFinding[];
    cause?: unknown;
  }) {
    const { file, field, rule } = options;
    super({ message: `${file}: ${field || "(root)"}: ${rule}`, cause: options.cause });
    this.findings = options.findings ?? [];
    this.file = file;
    this.field = field;
    this.rule = rule;
  }
}
