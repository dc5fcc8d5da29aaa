import type { InvokeHashFields } from "@desk/hash";
import {
  PlaceholderError,
  type PlaceholderLocation,
  PlaceholderValueError,
  type ResolveContext,
  resolvePlaceholders,
  UnknownPlaceholderError,
} from "@desk/placeholders";
import { EmulatorRequestError, unprocessable } from "../errors/emulator-request-error.js";

/** The four parts that may hold placeholders, after one-pass substitution. */
export interface ResolvedParts {
  requestURL: string;
  queryParams: string | undefined;
  headers: string | undefined;
  postBody: string | undefined;
}

const LOCATIONS: readonly PlaceholderLocation[] = ["requestURL", "queryParams", "headers", "postBody"];

/** Substitutes placeholders (after the HASH check, spec 3) with Desk's location rules. */
export function resolveParts(fields: InvokeHashFields, context: ResolveContext): ResolvedParts {
  const out: Record<string, string | undefined> = {};
  for (const location of LOCATIONS) {
    const text = fields[location];
    out[location] = text === undefined ? undefined : resolveOne(text, location, context);
  }
  return out as unknown as ResolvedParts;
}

function resolveOne(text: string, location: PlaceholderLocation, context: ResolveContext): string {
  try {
    return resolvePlaceholders(text, location, context);
  } catch (error) {
    if (PlaceholderValueError.isInstance(error)) {
      // Never echo the value: it may be a secure config param.
      throw unprocessable(location, `a value substituted into ${location} breaks a rule: ${error.rule}`);
    }
    if (PlaceholderError.isInstance(error)) {
      const token = error.token ?? "";
      const what = UnknownPlaceholderError.isInstance(error) ? "is unknown" : `is not allowed in ${location}`;
      throw new EmulatorRequestError({
        status: 422,
        errorCode: "INVALID_PLACEHOLDER",
        message: `placeholder ${token} ${what}: ${error.rule}`,
        placeholder: token,
      });
    }
    throw error;
  }
}
