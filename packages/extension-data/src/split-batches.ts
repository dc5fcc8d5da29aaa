/**
 * Splits a list into consecutive batches of at most `size` items, keeping the order.
 *
 * @example
 * splitBatches([1, 2, 3, 4, 5], 2); // [[1, 2], [3, 4], [5]]
 */
export function splitBatches<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`@desk/extension-data: batch size must be a positive integer, got ${size}`);
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}
