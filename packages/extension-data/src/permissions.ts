import type { InvokeClient } from "@desk/invoke-core";
import { permissionsShape } from "./answer-shape.js";
import { UnknownPermissionError } from "./errors/unknown-permission-error.js";
import { MY_PERMISSIONS_PATH } from "./paths.js";
import { send } from "./send.js";
import type { CallOptions } from "./storage.js";

/**
 * One custom permission's state for this installation (spec 2.4).
 *
 * @example
 * const all: Permission[] = await permissions.list();
 */
export interface Permission {
  apiName: string;
  isEnabled: boolean;
}

/**
 * The my-permissions API of one installation (spec 2.4).
 *
 * @example
 * const permissions: Permissions = createPermissions(client);
 */
export interface Permissions {
  list(options?: CallOptions): Promise<Permission[]>;
  /** Whether `apiName` is enabled; throws UnknownPermissionError when Desk does not list it. */
  isEnabled(apiName: string, options?: CallOptions): Promise<boolean>;
}

/**
 * The my-permissions API (spec 2.4; its path {@link MY_PERMISSIONS_PATH} is a decision) of the installation `client`
 * acts for.
 *
 * @example
 * const permissions = createPermissions(client);
 * if (await permissions.isEnabled("canEscalate")) await escalate();
 */
export function createPermissions(client: InvokeClient): Permissions {
  const url = `${client.deskOrigin}${MY_PERMISSIONS_PATH}`;

  async function list(o: CallOptions = {}): Promise<Permission[]> {
    const request = { url, method: "GET" as const, ...(o.signal ? { signal: o.signal } : {}) };
    return (await send(client, "permissions.list", request, permissionsShape)).data;
  }

  return {
    list,
    async isEnabled(apiName, o) {
      const all = await list(o);
      const found = all.find((permission) => permission.apiName === apiName);
      if (!found)
        throw new UnknownPermissionError({ apiName, known: all.map((permission) => permission.apiName) });
      return found.isEnabled;
    },
  };
}
