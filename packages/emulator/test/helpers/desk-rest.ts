import { expect } from "vitest";
import type { Emulator, EmulatorInstallation } from "../../src/index.js";
import { invoker } from "./invoke.js";
import { snapshotDatabase } from "./snapshot-database.js";

/** Desk's API root as extensions write it; the emulator serves it in-process. */
export const DESK_API = "https://desk.zoho.com/api/v1";

/** What Desk answered inside the invoke envelope. */
export interface DeskAnswer<T = Record<string, unknown>> {
  status: number;
  body: T;
}

/** A Desk REST call through a signed invoke call of one installation (the invoke call itself must be 200). */
export type DeskRest = <T = Record<string, unknown>>(
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
  path: string,
  options?: { query?: Record<string, unknown>; body?: unknown; headers?: Record<string, string> },
) => Promise<DeskAnswer<T>>;

/** Binds Desk REST calls to an installation: `path` below `/api/v1`, `body` as JSON (a string is sent as it is). */
export function deskRest(emulator: Emulator, installation: EmulatorInstallation): DeskRest {
  const call = invoker(emulator.url, emulator.secret, installation);
  return async (method, path, options = {}) => {
    const answer = await call({
      requestURL: `${DESK_API}${path}`,
      requestType: method,
      ...(options.query === undefined ? {} : { queryParams: JSON.stringify(options.query) }),
      ...(options.body === undefined
        ? {}
        : { postBody: typeof options.body === "string" ? options.body : JSON.stringify(options.body) }),
      ...(options.headers === undefined ? {} : { headers: JSON.stringify(options.headers) }),
    });
    if (!answer.target)
      throw new Error(`the invoke call was refused: ${answer.status} ${JSON.stringify(answer.body)}`);
    return { status: answer.target.statusCode, body: answer.target.statusMessage as never };
  };
}

/** Desk's error body, as the emulator answers it. */
export type DeskError = {
  errorCode: string;
  message: string;
  fieldName?: string;
};

/**
 * Sends a bad request and checks the typed 4xx (its `errorCode`, the `fieldName` and `message` where given) and that
 * not one byte of the store at `database` changed; answers the error body.
 */
export async function expectRefused(
  database: string,
  send: () => Promise<DeskAnswer>,
  expected: { status: number; errorCode: string; fieldName?: string; message?: RegExp },
): Promise<DeskError> {
  const before = snapshotDatabase(database);
  const answer = (await send()) as DeskAnswer<DeskError>;
  expect(answer.status).toBe(expected.status);
  expect(answer.body.errorCode).toBe(expected.errorCode);
  expect(typeof answer.body.message).toBe("string");
  if (expected.fieldName !== undefined) expect(answer.body.fieldName).toBe(expected.fieldName);
  if (expected.message !== undefined) expect(answer.body.message).toMatch(expected.message);
  expect(snapshotDatabase(database)).toBe(before);
  return answer.body;
}
