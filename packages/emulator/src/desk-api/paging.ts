/** A list's `limit` default and maximum. */
export interface PageLimits {
  defaultLimit: number;
  maxLimit: number;
}

/**
 * Parses `from` / `limit` query values: `from` an integer ≥ 0 counting from 0, `limit` from 1 to the maximum;
 * answers the page or the field at fault with the rule.
 */
export function parsePaging(
  from: string | undefined,
  limit: string | undefined,
  limits: PageLimits,
): { from: number; limit: number } | { fieldName: string; message: string } {
  const fromValue = from === undefined ? 0 : Number(from);
  if (!/^\d+$/.test(from ?? "0") || !Number.isSafeInteger(fromValue)) {
    return { fieldName: "from", message: "from must be an integer ≥ 0 (it counts from 0)" };
  }
  const limitValue = limit === undefined ? limits.defaultLimit : Number(limit);
  if (!/^\d+$/.test(limit ?? "1") || limitValue < 1 || limitValue > limits.maxLimit) {
    return { fieldName: "limit", message: `limit must be an integer from 1 to ${limits.maxLimit}` };
  }
  return { from: fromValue, limit: limitValue };
}
