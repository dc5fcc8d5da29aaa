/**
 * Names an error class and brands it with `Symbol.for("@desk/hash/<name>")`, both on the
 * prototype: symbol keys are never enumerated or serialised, the name stays non-enumerable as on
 * `Error.prototype`, and both survive minifiers renaming the class.
 */
export function brand({ prototype }: abstract new (...args: never[]) => Error, name: string): void {
  Object.defineProperty(prototype, "name", { value: name });
  (prototype as unknown as Record<symbol, boolean>)[Symbol.for(`@desk/hash/${name}`)] = true;
}
