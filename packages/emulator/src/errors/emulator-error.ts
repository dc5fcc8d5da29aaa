const DESK_ERROR = Symbol.for("@desk/error");
const BRAND = Symbol.for("@desk/emulator/EmulatorError");

/**
 * Base class of every error the emulator throws; branded so `isInstance` survives two installed copies.
 *
 * @example
 * try { await startEmulator({ manifest: "nope.json" }); }
 * catch (error) { if (EmulatorError.isInstance(error)) console.error(error.message); }
 */
export class EmulatorError extends Error {
  static isInstance(value: unknown): value is EmulatorError {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }

  constructor(message: string, options?: { cause?: unknown }) {
    super(message.startsWith("@desk/emulator") ? message : `@desk/emulator: ${message}`, options);
    this.name = "EmulatorError";
  }
}

Object.defineProperty(EmulatorError.prototype, DESK_ERROR, { value: true });
Object.defineProperty(EmulatorError.prototype, BRAND, { value: true });
