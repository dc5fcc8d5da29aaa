import type { DeskError } from "./desk-error.js";

/**
 * Names an error class and brands it: sets a non-enumerable `name` on its prototype (the part of `id` after the
 * last "/", stated so minifiers cannot change it) and the `Symbol.for(id)` brand that the inherited
 * `isInstance` checks. Returns the brand, for the class's `static override readonly brand`.
 *
 * @example
 * export class LogGroupFullError extends ExtensionDataError {
 *   static override readonly brand: symbol = brandError(this, "@desk/extension-data/LogGroupFullError");
 * }
 */
export function brandError(
  target: abstract new (...args: never[]) => DeskError,
  id: `@desk/${string}/${string}`,
): symbol {
  const mark = Symbol.for(id);
  Object.defineProperties(target.prototype, {
    name: { value: id.slice(id.lastIndexOf("/") + 1), writable: true, configurable: true },
    [mark]: { value: true },
  });
  return mark;
}
