import type { z } from "zod";
import { issuePath } from "../errors/issue-path.js";
import { ManifestError } from "../errors/manifest-error.js";

/** Parses `value` with `schema`; the first issue becomes a ManifestError naming file, field and rule. */
export function parseWithSchema<T extends z.ZodType>(schema: T, value: unknown, file: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issuePath(issue.path);
  throw new ManifestError({ file: file, field: field, rule: issue.message, cause: result.error });
}
