/** A refusal of the invoke call itself (spec 1.3), turned into `{errorCode, message, ...}` with its HTTP status. */
export class InvokeFailure extends Error {
  readonly status: number;
  readonly errorCode: string;
  readonly fieldName: string | undefined;
  readonly placeholder: string | undefined;
  readonly retryAfter: number | undefined;

  constructor(
    status: number,
    errorCode: string,
    message: string,
    extra: { fieldName?: string; placeholder?: string; retryAfter?: number } = {},
  ) {
    super(message);
    this.name = "InvokeFailure";
    this.status = status;
    this.errorCode = errorCode;
    this.fieldName = extra.fieldName;
    this.placeholder = extra.placeholder;
    this.retryAfter = extra.retryAfter;
  }

  /** The JSON error body. */
  toJSON(): Record<string, string> {
    const body: Record<string, string> = { errorCode: this.errorCode, message: this.message };
    if (this.fieldName !== undefined) body["fieldName"] = this.fieldName;
    if (this.placeholder !== undefined) body["placeholder"] = this.placeholder;
    return body;
  }
}

/** 422 UNPROCESSABLE_ENTITY naming the field. */
export function unprocessable(fieldName: string, message: string): InvokeFailure {
  return new InvokeFailure(422, "UNPROCESSABLE_ENTITY", message, { fieldName });
}
