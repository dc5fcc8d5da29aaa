import type { InvokeClient } from "@desk/invoke-core";
import { anyShape, configParamsShape } from "./answer-shape.js";
import { ExtensionDataValidationError } from "./errors/validation-error.js";
import { CONFIG_PARAMS_PATH } from "./paths.js";
import { send } from "./send.js";
import type { CallOptions } from "./storage.js";

/**
 * How Desk shows a secure param's value in a config GET: a run of asterisks. The exact mask is not published, so
 * this is the project's decision (spec 2.2), kept in one constant.
 *
 * @example
 * MASKED_VALUE_PATTERN.test("********"); // true
 */
export const MASKED_VALUE_PATTERN = /^\*+$/;

/**
 * One config param as read back. A masked value is Desk's placeholder text, never the secret itself.
 *
 * @example
 * const { value, masked }: ConfigParam = (await config.getAll())["trackerToken"]!;
 */
export interface ConfigParam {
  value: string;
  /** True for a secure param: `value` is the mask, not the real value (which still substitutes into placeholders). */
  masked: boolean;
}

/**
 * Options of {@link createConfigParams}.
 *
 * @example
 * const config = createConfigParams(client, { secureParams: ["trackerToken"] });
 */
export interface ConfigParamsOptions {
  /** Names declared `"secure": true` in the manifest: always reported masked, whatever the value looks like. */
  secureParams?: readonly string[];
}

/**
 * The config params API of one installation (spec 2.2).
 *
 * @example
 * const config: ConfigParams = createConfigParams(client);
 */
export interface ConfigParams {
  /** Every param as name -> { value, masked }. */
  getAll(options?: CallOptions): Promise<Record<string, ConfigParam>>;
  /** Adds or updates several params at once; values are strings. */
  set(values: Readonly<Record<string, string>>, options?: CallOptions): Promise<void>;
}

/**
 * The config params API (spec 2.2) of the installation `client` acts for.
 *
 * @example
 * const config = createConfigParams(client, { secureParams: ["apiKey"] });
 * await config.set({ trackerUrl: "https://tracker.example.com" });
 * const params = await config.getAll(); // { trackerUrl: { value: "https://...", masked: false }, apiKey: { value: "****", masked: true } }
 */
export function createConfigParams(client: InvokeClient, options: ConfigParamsOptions = {}): ConfigParams {
  const url = `${client.deskOrigin}${CONFIG_PARAMS_PATH}`;
  const secure = new Set(options.secureParams);
  return {
    async getAll(o = {}) {
      const answer = await send(
        client,
        "config.getAll",
        { url, method: "GET", ...signalOf(o) },
        configParamsShape,
      );
      const params: Record<string, ConfigParam> = {};
      for (const { name, value } of answer.data) {
        params[name] = { value, masked: secure.has(name) || MASKED_VALUE_PATTERN.test(value) };
      }
      return params;
    },

    async set(values, o = {}) {
      const variables = Object.entries(values).map(([name, value]) => {
        if (name === "") throw invalid("name", "length", "must not be empty");
        if (typeof value !== "string") throw invalid(name, "type", `must be a string, got ${typeof value}`);
        return { name, value };
      });
      if (variables.length === 0) throw invalid("values", "count", "must hold at least one param");
      const body = { variables };
      await send(client, "config.set", { url, method: "POST", body, ...signalOf(o) }, anyShape);
    },
  };
}

function invalid(field: string, rule: "length" | "type" | "count", message: string) {
  return new ExtensionDataValidationError({ field, rule, message });
}

function signalOf(options: CallOptions): CallOptions {
  return options.signal ? { signal: options.signal } : {};
}
