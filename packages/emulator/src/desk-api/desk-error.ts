import type { Context } from "hono";

/** Desk's REST error body `{errorCode, message, ...}` [doc] with its status. */
export function deskError(
  c: Context,
  status: number,
  errorCode: string,
  message: string,
  extra: Record<string, string> = {},
): Response {
  return c.json({ errorCode, message, ...extra }, status as 400);
}

/** 422 naming the field and the rule. */
export function invalidField(c: Context, fieldName: string, message: string): Response {
  return deskError(c, 422, "UNPROCESSABLE_ENTITY", message, { fieldName });
}

/** 429 with Retry-After, for the storage limits of spec 2.1 (arrives inside the invoke answer's 200). */
export function rateLimited(c: Context, retryAfter: number, operation: string): Response {
  const response = deskError(
    c,
    429,
    "RATE_LIMIT_EXCEEDED",
    `the storage ${operation} rate limit for this installation is reached`,
  );
  response.headers.set("Retry-After", String(retryAfter));
  return response;
}

/** Reads a JSON body, or undefined when it is not JSON. */
export async function readJson(c: Context): Promise<{ ok: true; value: unknown } | { ok: false }> {
  const text = await c.req.text();
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}
