import type { InvokeResult } from "../types.js";
import { brandError } from "./brand-error.js";
import { DeskError } from "./desk-error.js";

/**
 * The target answered a non-2xx status and `throwOnTargetError` is on. Carries what the target answered.
 *
 * @example
 * const client = createInvokeClient({ secret, orgId, securityContext, throwOnTargetError: true });
 * try {
 *   await client.invoke({ url, method: "GET" });
 * } catch (error) {
 *   if (TargetError.isInstance(error) && error.status === 404) return undefined;
 * }
 */
export class TargetError<T = unknown> extends DeskError {
  static override readonly brand: symbol = brandError(this, "TargetError");
  /** The target's HTTP status. */
  declare readonly status: number;
  /** Its body, parsed as JSON when it is JSON, else the text. */
  declare readonly data: T;
  /** Its body as text. */
  declare readonly text: string;
  /** Its headers, names in lower case. */
  declare readonly headers: Record<string, string>;

  constructor({ status, data, text, headers }: InvokeResult<T>) {
    super(`the target answered ${status}`, { status, data, text, headers });
  }
}
