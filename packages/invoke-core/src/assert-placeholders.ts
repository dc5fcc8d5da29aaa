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
  // The form's other fields (requestType, connectionLinkName) are not placeholder locations; the check skips them.
  for (const issue of checkPlaceholderLocations(form)) {
    if (issue.kind === "location" || !allowNearMisses) {
      const { token: placeholder, location, rule, message } = issue;
      throw new InvokePlaceholderError({ placeholder, location, rule, message });
    }
  }
}
