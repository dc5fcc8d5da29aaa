import { EmulatorError } from "./emulator-error.js";

const BRAND = Symbol.for("@desk/emulator/EmulatorRequestError");

/**
 * A refused emulator operation (install, config, permissions, trigger): carries the HTTP status and errorCode the
 * admin API answers with.
 *
 * @example
 * try { await emulator.uninstall("nope"); }
 * catch (error) { if (EmulatorRequestError.isInstance(error)) console.error(error.status, error.errorCode); }
 */
export class EmulatorRequestError extends EmulatorError {
  static override isInstance(value: unknown): value is EmulatorRequestError {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }

  readonly status: number;
  readonly errorCode: string;
  readonly field: string | undefined;

  constructor(status: number, errorCode: string, message: string, field?: string) {
    super(message);
    this.name = "EmulatorRequestError";
    this.status = status;
    this.errorCode = errorCode;
    this.field = field;
  }
}

Object.defineProperty(EmulatorRequestError.prototype, BRAND, { value: true });
