/**
 * Gives an error class its `name` on the prototype (survives minifiers) and its `Symbol.for("@desk/sdk/<name>")`
 * brand, which the inherited `isInstance` checks; returns the brand for `static brand`.
 *
 * @example
 * class MyError extends DeskSdkError {
 *   static override readonly brand: symbol = brandError(this, "MyError");
 * }
 */
export function brandError(target: { readonly prototype: object }, name: string): symbol {
  const mark = Symbol.for(`@desk/sdk/${name}`);
  Object.defineProperties(target.prototype, { name: { value: name }, [mark]: { value: true } });
  return mark;
}
