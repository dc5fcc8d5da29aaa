import { brandError } from "@desk/errors";
import type { InvokeResult } from "../types.js";
import { InvokeError } from "./invoke-error.js";

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
export class TargetError<T = unknown> extends InvokeError {
  static override readonly brand: symbol = brandError(this, "@desk/invoke-core/TargetError");
  /** The target's HTTP status. */
  readonly status: number;
  /** Its body, parsed as JSON when it is JSON, else the text. */
  readonly data: T;
  /** Its body as text. */
  readonly text: string;
  /** Its headers, names in lower case. */
  readonly headers: Record<string, string>;

  constructor({ status, data, text, headers, cause }: Omit<InvokeResult<T>, "ok"> & { cause?: unknown }) {
    super({ message: `the target answered ${status}`, cause });
    this.status = status;
    this.data = data;
    this.text = text;
    this.headers = headers;
  }
}
