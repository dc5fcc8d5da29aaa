import { EmulatorRequestError } from "../errors/emulator-request-error.js";
import type { Resources } from "../manifest/resources-schema.js";

/** Checks that every apiName is a permission of resources.json and every state a boolean. */
export function validatePermissionStates(resources: Resources, states: unknown): Record<string, boolean> {
  if (typeof states !== "object" || states === null || Array.isArray(states)) {
    throw new EmulatorRequestError({
      status: 422,
      errorCode: "UNPROCESSABLE_ENTITY",
      message: "permissions must be an object of apiName -> boolean",
      field: "permissions",
    });
  }
  const known = new Set((resources.permissions ?? []).map((permission) => permission.apiName));
  const checked: Record<string, boolean> = {};
  for (const [apiName, state] of Object.entries(states)) {
    if (!known.has(apiName)) {
      const list = [...known].join(", ") || "none";
      throw new EmulatorRequestError({
        status: 422,
        errorCode: "UNKNOWN_PERMISSION",
        message: `permission ${apiName} is not declared in resources.json permissions (declared: ${list})`,
        field: `permissions.${apiName}`,
      });
    }
    if (typeof state !== "boolean") {
      throw new EmulatorRequestError({
        status: 422,
        errorCode: "UNPROCESSABLE_ENTITY",
        message: `permission ${apiName} must be true or false`,
        field: `permissions.${apiName}`,
      });
    }
    checked[apiName] = state;
  }
  return checked;
}
