// An error class of your own on the @desk/* base.
import { brandError, DeskError } from "@desk/errors";

// #region class
export class QuotaError extends DeskError {
  static override readonly brand: symbol = brandError(this, "@desk/my-adapter/QuotaError");
  readonly limit: number;

  constructor({ limit, cause }: { limit: number; cause?: unknown }) {
    super({ message: `@desk/my-adapter: over the quota of ${limit}`, cause });
    this.limit = limit;
  }
}
// #endregion class

const error = new QuotaError({ limit: 3 });
console.log(error.name, error.message, QuotaError.isInstance(error), DeskError.isInstance(error));
console.log(JSON.stringify(error));
