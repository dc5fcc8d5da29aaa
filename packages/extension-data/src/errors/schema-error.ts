import { brandError } from "@desk/errors";
import { ExtensionDataError } from "./extension-data-error.js";

/**
 * A typed storage view (`storage.typed(schema)`) met a value that does not match its schema: on write (nothing was
 * sent) or on read (the stored value no longer matches; it is never passed through silently).
 *
 * @example
 * const tickets = data.storage.typed(z.object({ state: z.enum(["open", "closed"]) }));
 * try {
 *   await tickets.get("ticket:42");
 * } catch (error) {
 *   if (StoredValueSchemaError.isInstance(error)) console.log(error.key, error.phase, error.issues);
 * }
 */
export class StoredValueSchemaError extends ExtensionDataError {
  static override readonly brand: symbol = brandError(this, "@desk/extension-data/StoredValueSchemaError");
  readonly key: string;
  /** "write": refused before sending; "read": what Desk holds does not match. */
  readonly phase: "write" | "read";
  /** The schema's issues as "path: message" lines. */
  readonly issues: readonly string[];

  constructor(details: { key: string; phase: "write" | "read"; issues: readonly string[] }) {
    super({
      message: `value of key "${details.key}" does not match the schema on ${details.phase}: ${details.issues.join("; ")}`,
    });
    this.key = details.key;
    this.phase = details.phase;
    this.issues = details.issues;
  }
}
