import { checkCallOptions } from "./check-call-options.js";
import { invalid, isObject } from "./check-fields.js";
import { DATA_CENTERS } from "./data-centers.js";
import { isBaseUrl } from "./invoke-rules.js";

const isText = (value: unknown) => typeof value === "string" && value !== "";

/**
 * Checks `InvokeClientOptions`; throws `InvokeValidationError` naming the field and the rule, never the value.
 * `InvokeClientOptionsSchema` (`@desk/invoke-core/schemas`) states the same rules in zod.
 *
 * @example
 * checkClientOptions({ secret: "", orgId: 1, securityContext: "x" }); // throws: invalid secret: ...
 */
export function checkClientOptions(options: unknown): void {
  if (!isObject(options)) throw invalid("options", "must be an object");
  const { secret, orgId, securityContext, dataCenter, baseUrl } = options;
  const rule = "must be a non-empty string, or a non-empty list of them";
  if (Array.isArray(secret)) {
    if (secret.length === 0) throw invalid("secret", rule);
    secret.forEach((one, index) => {
      if (!isText(one)) throw invalid(`secret.${index}`, "must be a non-empty string");
    });
  } else if (!isText(secret)) {
    throw invalid("secret", rule);
  }
  if (!/^\d+$/.test(String(orgId))) throw invalid("orgId", "must be digits");
  if (!isText(securityContext)) throw invalid("securityContext", "must be a non-empty string");
  if (dataCenter !== undefined && !Object.hasOwn(DATA_CENTERS, dataCenter as string)) {
    throw invalid("dataCenter", `must be one of ${Object.keys(DATA_CENTERS).join(", ")}`);
  }
  if (baseUrl !== undefined && !(typeof baseUrl === "string" && isBaseUrl(baseUrl))) {
    throw invalid("baseUrl", "must be an http(s) URL");
  }
  checkCallOptions(options);
}
