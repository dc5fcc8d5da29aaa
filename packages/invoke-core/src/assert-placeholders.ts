import { checkPlaceholderLocations } from "@desk/placeholders";
import type { InvokeForm } from "./build-invoke-form.js";
import { InvokePlaceholderError } from "./errors/invoke-placeholder-error.js";

/**
 * Throws `InvokePlaceholderError` for the first placeholder in a location Desk refuses it, or (unless
 * `allowNearMisses`) text that only resembles a placeholder, which Desk would send literally.
 *
 * @example
 * assertPlaceholders(buildInvokeForm(request), false);
 */
export function assertPlaceholders(form: InvokeForm, allowNearMisses: boolean | undefined): void {
  const { requestURL, queryParams, headers, postBody } = form;
  for (const issue of checkPlaceholderLocations({ requestURL, queryParams, headers, postBody })) {
    if (issue.kind === "location" || !allowNearMisses) {
      const { token: placeholder, location, rule, message: detail } = issue;
      throw new InvokePlaceholderError({ placeholder, location, rule, detail });
    }
  }
}
