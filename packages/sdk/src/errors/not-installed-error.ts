import { brandError } from "@desk/errors";
import { DeskSdkError } from "./desk-sdk-error.js";

/**
 * `desk.installation(record)` was given no record (`undefined` or `null`), as `await store.get(orgId)` returns
 * for an org that has not installed the extension or has uninstalled it. Nothing was created or cached.
 *
 * @example
 * try {
 *   const inst = desk.installation(await store.get(orgId));
 * } catch (error) {
 *   if (NotInstalledError.isInstance(error)) return new Response("install the extension first", { status: 404 });
 *   throw error;
 * }
 */
export class NotInstalledError extends DeskSdkError {
  static override readonly brand: symbol = brandError(this, "@desk/sdk/NotInstalledError");
  /** Always `"NOT_INSTALLED"`. */
  readonly errorCode = "NOT_INSTALLED";

  constructor({ cause }: { cause?: unknown } = {}) {
    super({
      message:
        "the org has not installed the extension (desk.installation was given no record: is it in the installation store?)",
      cause,
    });
  }
}
