import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Who a widget token speaks for.
 *
 * @example
 * const claims: WidgetTokenClaims = { orgId: "60001", userId: "agent-7" };
 */
export interface WidgetTokenClaims {
  orgId: string;
  userId: string;
}

/**
 * A verified token: its claims and when it stops being accepted.
 *
 * @example
 * const verified: VerifiedWidgetToken = { orgId: "60001", userId: "agent-7", expiresAt: new Date() };
 */
export interface VerifiedWidgetToken extends WidgetTokenClaims {
  expiresAt: Date;
}

/**
 * How tokens are signed and how long they live.
 *
 * @example
 * const options: WidgetTokenOptions = { key: deriveWidgetTokenKey(secret), now: () => new Date(), ttlMs: 900_000 };
 */
export interface WidgetTokenOptions {
  /** The HMAC key (see {@link deriveWidgetTokenKey}). */
  key: Uint8Array;
  now: () => Date;
  /** Lifetime of a new token. Default {@link WIDGET_TOKEN_TTL_MS}. */
  ttlMs?: number;
}

/** 15 minutes: long enough for a widget session, short enough that a leaked token soon stops working. */
export const WIDGET_TOKEN_TTL_MS = 15 * 60 * 1000;

const VERSION = "v1";
const ID = /^[A-Za-z0-9_.@-]{1,100}$/;

/**
 * The token key, derived from the manifest secret with a purpose label, so the secret itself signs only what
 * Desk signs, and a HASH can never pass as a token or the other way round.
 *
 * @example
 * const key = deriveWidgetTokenKey(process.env.DESK_SECRET!);
 */
export function deriveWidgetTokenKey(secret: string): Uint8Array {
  return createHmac("sha256", secret).update("sample-extension widget token v1").digest();
}

function mac(key: Uint8Array, payload: string): Buffer {
  return createHmac("sha256", key).update(`${VERSION}.${payload}`).digest();
}

/**
 * Issues a short-lived token for one org and one user: `v1.<payload>.<mac>`, base64url, HMAC-SHA256.
 * Throws a `TypeError` naming the field when an id is not 1 to 100 of `A-Z a-z 0-9 _ . @ -`.
 *
 * @example
 * const token = issueWidgetToken({ orgId: "60001", userId: "agent-7" }, { key, now: () => new Date() });
 */
export function issueWidgetToken(claims: WidgetTokenClaims, options: WidgetTokenOptions): string {
  for (const field of ["orgId", "userId"] as const) {
    if (!ID.test(claims[field]))
      throw new TypeError(`sample-extension: ${field} must be 1 to 100 of A-Z a-z 0-9 _ . @ -`);
  }
  const exp = Math.floor((options.now().getTime() + (options.ttlMs ?? WIDGET_TOKEN_TTL_MS)) / 1000);
  const payload = Buffer.from(JSON.stringify({ org: claims.orgId, usr: claims.userId, exp })).toString(
    "base64url",
  );
  return `${VERSION}.${payload}.${mac(options.key, payload).toString("base64url")}`;
}

/**
 * Why a token was refused (the widget shows it; it never holds the token).
 *
 * @example
 * const reason: WidgetTokenRefusal = "expired";
 */
export type WidgetTokenRefusal = "missing" | "malformed" | "bad_signature" | "expired";

/**
 * Checks a token's MAC in constant time, then its expiry. Returns the claims, or why it was refused.
 *
 * @example
 * const result = verifyWidgetToken(token, { key, now: () => new Date() });
 * if ("refused" in result) console.log(result.refused);
 */
export function verifyWidgetToken(
  token: string | undefined,
  options: Pick<WidgetTokenOptions, "key" | "now">,
): VerifiedWidgetToken | { refused: WidgetTokenRefusal } {
  if (!token) return { refused: "missing" };
  const [version, payload, signature, extra] = token.split(".");
  if (version !== VERSION || !payload || !signature || extra !== undefined) return { refused: "malformed" };
  const given = Buffer.from(signature, "base64url");
  const expected = mac(options.key, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { refused: "bad_signature" };
  let claims: { org?: unknown; usr?: unknown; exp?: unknown };
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return { refused: "malformed" };
  }
  const { org, usr, exp } = claims;
  if (typeof org !== "string" || typeof usr !== "string" || typeof exp !== "number")
    return { refused: "malformed" };
  if (options.now().getTime() >= exp * 1000) return { refused: "expired" };
  return { orgId: org, userId: usr, expiresAt: new Date(exp * 1000) };
}
