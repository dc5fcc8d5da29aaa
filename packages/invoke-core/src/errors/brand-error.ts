/** Marks an error class: prototype `name` (survives minifiers) and its `Symbol.for` brand, returned for `static brand`. */
export function brandError(
  target: { prototype: object },
  name: string,
  mark = Symbol.for(`@desk/invoke-core/${name}`),
): symbol {
  Object.assign(target.prototype, { name, [mark]: true });
  return mark;
}
