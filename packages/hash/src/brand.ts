/**
 * Names an error class and brands it with `Symbol.for("@desk/hash/<name>")` plus any shared brands, all on the
 * prototype: never enumerable, never serialised, and safe from minifiers renaming the class.
 */
export function brand(
  target: abstract new (...args: never[]) => Error,
  name: string,
  ...shared: string[]
): void {
  Object.defineProperty(target.prototype, "name", { value: name });
  for (const key of [`@desk/hash/${name}`, ...shared]) {
    Object.defineProperty(target.prototype, Symbol.for(key), { value: true });
  }
}

/** True when `value` carries the `Symbol.for("@desk/hash/<name>")` brand, from any installed copy of the package. */
export function hasBrand(value: unknown, name: string): boolean {
  // Optional chaining also answers false for null and undefined; primitives have no such symbol.
  return (value as Record<symbol, unknown> | undefined)?.[Symbol.for(`@desk/hash/${name}`)] === true;
}
