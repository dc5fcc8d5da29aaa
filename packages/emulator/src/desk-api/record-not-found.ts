import { EmulatorRequestError } from "../errors/emulator-request-error.js";

/** 404 RESOURCE_NOT_FOUND for a Desk record that the caller's org does not have (`what` e.g. "ticket"). */
export function recordNotFound(what: string, id: string, field?: string): EmulatorRequestError {
  return new EmulatorRequestError({
    status: 404,
    errorCode: "RESOURCE_NOT_FOUND",
    message: `${what} ${id} does not exist in this org`,
    field,
  });
}
