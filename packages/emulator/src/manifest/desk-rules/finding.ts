/**
 * One of Zoho's DESK rules that a manifest or resources file breaks, in `zet validate`'s words. `kind: "file"` is a
 * rule about the project's files (widget pages, icons, translations, a channel logo, resources.json itself): a
 * warning in both modes, since the emulator serves no widget files. `kind: "rule"` is any other rule: a warning by
 * default, a refusal with `strict`.
 *
 * @example
 * const finding: DeskRuleFinding = {
 *   file: "plugin-manifest.json", field: "modules", kind: "rule",
 *   rule: '"modules" key is missing in the plugin-manifest file.',
 * };
 */
export interface DeskRuleFinding {
  readonly file: string;
  /** Field path, e.g. `connectors[0].serviceName`; "" for the file as a whole. */
  readonly field: string;
  /** What `zet validate` says, word for word. */
  readonly rule: string;
  readonly kind: "rule" | "file";
}

/** Collects the findings of one file, in the order zet reports them. */
export class Findings {
  readonly list: DeskRuleFinding[] = [];
  readonly #file: string;

  constructor(file: string) {
    this.#file = file;
  }

  rule(field: string, rule: string): void {
    this.list.push({ file: this.#file, field, rule, kind: "rule" });
  }

  file(field: string, rule: string): void {
    this.list.push({ file: this.#file, field, rule, kind: "file" });
  }
}

/** What the rules may ask of the project folder: whether a file exists (always true without a folder). */
export type FileExists = (relativePath: string) => boolean;

/** Zoho's `isObject`: typeof "object" (so arrays count), here without null. */
export function isObjectLike(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** JavaScript's string concatenation of a value, as zet builds its messages. */
export function text(value: unknown): string {
  return String(value);
}

/** Image extensions zet accepts for logos and icons. */
export const IMAGE_EXTENSIONS = [".jpg", ".jpeg", ".png", ".gif", ".svg"];
