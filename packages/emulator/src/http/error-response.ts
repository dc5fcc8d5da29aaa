import type { Context } from "hono";
import { EmulatorRequestError } from "../errors/emulator-request-error.js";

/** The wire body of every error the emulator answers: `{errorCode, message, fieldName?, placeholder?}`. */
export type ErrorBody = { errorCode: string; message: string; fieldName?: string; placeholder?: string };

/** Builds the error body: the one place where it is written. */
export function errorBody(error: EmulatorRequestError): ErrorBody {
  const body: ErrorBody = { errorCode: error.errorCode, message: error.detail };
  if (error.field !== undefined) body.fieldName = error.field;
  if (error.placeholder !== undefined) body.placeholder = error.placeholder;
  return body;
}

/** Renders a refusal as its JSON answer, with `Retry-After` and any further headers. */
export function errorResponse(error: EmulatorRequestError): Response {
  const headers = new Headers(error.headers);
  headers.set("Content-Type", "application/json");
  if (error.retryAfterSeconds !== undefined) headers.set("Retry-After", String(error.retryAfterSeconds));
  return new Response(JSON.stringify(errorBody(error)), { status: error.status, headers });
}

/**
 * `app.onError` of every Hono app of the emulator: a refusal gets its typed answer; anything else is a 500 that
 * never echoes request data (a message could hold a HASH or securityContext).
 */
export function handleError(error: Error, _c: Context): Response {
  if (EmulatorRequestError.isInstance(error)) return errorResponse(error);
  console.error("@desk/emulator: internal error", error.name);
  return errorResponse(
    new EmulatorRequestError({
      status: 500,
      errorCode: "INTERNAL_SERVER_ERROR",
      message: "the emulator failed on this request",
    }),
  );
}
